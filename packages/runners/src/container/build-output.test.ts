import { describe, expect, it } from 'vitest';
import { parseBuildMessage, parseBuildStep } from './build-output';

describe('parseBuildStep', () => {
  it('reads classic builder steps', () => {
    expect(parseBuildStep('Step 3/12 : RUN pip install x')).toEqual({ current: 3, total: 12 });
    expect(parseBuildStep(' ---> Running in 1234')).toBeUndefined();
    expect(parseBuildStep('Step 9/3 : nonsense')).toBeUndefined();
  });
});

describe('parseBuildMessage', () => {
  it('reads stream and error messages and keeps other text as a line', () => {
    expect(parseBuildMessage('{"stream":"Step 1/2 : FROM x\\n"}').stream).toBe(
      'Step 1/2 : FROM x\n',
    );
    const failed = parseBuildMessage(
      '{"errorDetail":{"code":3,"message":"returned a non-zero code: 3"},"error":"boom"}',
    );
    expect(failed.errorDetail?.message).toBe('returned a non-zero code: 3');
    expect(parseBuildMessage('plain text').stream).toBe('plain text\n');
  });
});
