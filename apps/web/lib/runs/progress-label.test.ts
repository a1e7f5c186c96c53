import { describe, expect, it } from 'vitest';
import { progressLabel } from './progress-label';

describe('progressLabel', () => {
  it('drops a trailing step count the label repeats', () => {
    expect(progressLabel('Building image (step 7 of 16)')).toBe('Building image');
    expect(progressLabel('Building image step 7/16')).toBe('Building image');
  });

  it('keeps labels without a count as they are', () => {
    expect(progressLabel('Installing dependencies')).toBe('Installing dependencies');
    expect(progressLabel('Step into the venv')).toBe('Step into the venv');
  });

  it('leaves nothing of a label that is only a count', () => {
    expect(progressLabel('(step 2 of 3)')).toBe('');
  });
});
