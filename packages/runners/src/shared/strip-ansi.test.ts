import { describe, expect, it } from 'vitest';
import { stripAnsi } from './strip-ansi';

describe('stripAnsi', () => {
  it('removes colour codes around and inside a line', () => {
    expect(stripAnsi('\u001b[91mERROR: Exception:\u001b[0m')).toBe('ERROR: Exception:');
    expect(stripAnsi('a \u001b[1;31mred\u001b[39m word')).toBe('a red word');
  });

  it('removes cursor moves, titles and two-character escapes', () => {
    expect(stripAnsi('\u001b[2K\u001b[1Gdone')).toBe('done');
    expect(stripAnsi('\u001b]0;title\u0007text')).toBe('text');
    expect(stripAnsi('\u001b]8;;http://x\u001b\\link')).toBe('link');
    expect(stripAnsi('\u001bMup')).toBe('up');
  });

  it('leaves plain text alone, brackets and carets included', () => {
    const text = '    ^^^^^^ [notice] x = [1, 2]';
    expect(stripAnsi(text)).toBe(text);
  });
});
