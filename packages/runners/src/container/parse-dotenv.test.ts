import { describe, expect, it } from 'vitest';
import { parseDotenv } from './parse-dotenv';

describe('parseDotenv', () => {
  it('reads plain, exported, commented and empty entries', () => {
    const text = '# comment\nA=1\nexport B = two words  # trailing\n\nC=\nnot a line\n';
    expect(parseDotenv(text)).toEqual({ A: '1', B: 'two words', C: '' });
  });

  it('keeps single quotes literal and unescapes double quotes', () => {
    const text = `S='a\\nb # kept'\nD="x\\ny \\"q\\""\n`;
    expect(parseDotenv(text)).toEqual({ S: 'a\\nb # kept', D: 'x\ny "q"' });
  });

  it('joins quoted values across lines and accepts CRLF files', () => {
    const text = 'KEY="-----BEGIN\r\nline\r\n-----END"\r\nNEXT=ok\r\n';
    expect(parseDotenv(text)).toEqual({ KEY: '-----BEGIN\nline\n-----END', NEXT: 'ok' });
  });

  it('keeps a hash inside a value that has no space before it', () => {
    expect(parseDotenv('URL=http://x/#frag')).toEqual({ URL: 'http://x/#frag' });
  });
});
