import { describe, expect, it } from 'vitest';
import { runView } from '../testing/fixtures';
import { describeRunOutcome } from './run-outcome';

describe('describeRunOutcome', () => {
  const startedAt = 1_700_000_000_000;

  it('names the exit code and the length of an ended run', () => {
    const run = runView({ status: 'exited', exitCode: 3, startedAt, endedAt: startedAt + 65_000 });
    expect(describeRunOutcome(run)).toEqual({ status: 'exited 3', duration: '1m 05s' });
  });

  it('says a run still going is live', () => {
    expect(describeRunOutcome(runView({ status: 'running', startedAt }))).toEqual({
      status: 'running',
      duration: 'live',
    });
  });

  it('leaves the length out when the server did not record an end', () => {
    expect(describeRunOutcome(runView({ status: 'failed', startedAt }))).toEqual({
      status: 'failed',
      duration: '',
    });
  });
});
