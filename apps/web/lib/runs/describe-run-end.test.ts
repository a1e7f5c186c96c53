import { describe, expect, it } from 'vitest';
import { runView } from '../testing/fixtures';
import { describeRunEnd } from './describe-run-end';

describe('describeRunEnd', () => {
  const startedAt = new Date(2026, 11, 3, 14, 2, 22).getTime();
  const endedAt = startedAt + 65_000;
  const now = endedAt + 1000;

  it('says when a stopped run ended and how long it ran', () => {
    const run = runView({ status: 'stopped', startedAt, endedAt });
    expect(describeRunEnd(run, now)).toBe('stopped at 14:03:27 after 1m 05s');
  });

  it('names the exit code of a run that exited on its own', () => {
    const run = runView({ status: 'exited', exitCode: 1, startedAt, endedAt });
    expect(describeRunEnd(run, now)).toBe('exited with code 1 at 14:03:27 after 1m 05s');
  });

  it('leaves out the time when the server did not record an end', () => {
    expect(describeRunEnd(runView({ status: 'failed', startedAt }), now)).toBe('failed');
  });
});
