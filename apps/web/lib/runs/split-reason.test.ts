import { describe, expect, it } from 'vitest';
import { splitReason } from './split-reason';

describe('splitReason', () => {
  it('takes the first line as the headline and keeps the rest as written', () => {
    const reason = [
      'the agent failed to load: RuntimeError: boom',
      'the agent host exited with code 1; its last output:',
      '    module = importlib.import_module(name)',
      '             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    ].join('\n');
    expect(splitReason(reason)).toEqual({
      headline: 'the agent failed to load: RuntimeError: boom',
      detail: reason.split('\n').slice(1).join('\n'),
    });
  });

  it('has no detail for a one-line reason', () => {
    expect(splitReason('exited with code 3')).toEqual({
      headline: 'exited with code 3',
      detail: '',
    });
  });

  it('skips blank lines before the headline and between it and the detail', () => {
    expect(splitReason('\n  \nfirst\n\n   \n  indented\n')).toEqual({
      headline: 'first',
      detail: '  indented',
    });
  });
});
