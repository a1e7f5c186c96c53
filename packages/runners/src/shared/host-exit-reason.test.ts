import { describe, expect, it } from 'vitest';
import { hostExitReason } from './host-exit-reason';

const startupFailed =
  "2025-06-01 10:00:01,003 ERROR mooring_agent_host: startup failed: agent 'import_boom' " +
  'failed to load: boom: missing MY_SECRET setting';

const importFailure = [
  '2025-06-01 10:00:00,001 INFO mooring_agent_host: host 0.1.0 starting import_boom from /agents',
  startupFailed,
  'Traceback (most recent call last):',
  '  File "/agents/import_boom/agent.py", line 3, in <module>',
  '    raise RuntimeError("boom: missing MY_SECRET setting")',
  'RuntimeError: boom: missing MY_SECRET setting',
];

describe('hostExitReason', () => {
  it('leads with the exception when the agent failed to load, the exit code after it', () => {
    const lines = hostExitReason(1, importFailure).split('\n');
    expect(lines[0]).toBe(
      'the agent failed to load: RuntimeError: boom: missing MY_SECRET setting',
    );
    expect(lines[1]).toBe('the agent host exited with code 1; its last output:');
    expect(lines.slice(2)).toEqual(importFailure);
  });

  it("falls back to the host's own message when the traceback is missing", () => {
    const reason = hostExitReason(1, [startupFailed]);
    expect(reason.split('\n')[0]).toBe('the agent failed to load: boom: missing MY_SECRET setting');
    const missing = 'x ERROR mooring_agent_host: startup failed: no agent folder at /agents/gone';
    expect(hostExitReason(1, [missing]).split('\n')[0]).toBe(
      'the agent failed to load: no agent folder at /agents/gone',
    );
  });

  it('names a cause found in other output after the exit code', () => {
    const output = ['Traceback (most recent call last):', '  File "x.py"', 'OSError: port in use'];
    expect(hostExitReason(1, output).split('\n')[0]).toBe(
      'the agent host exited with code 1: OSError: port in use',
    );
  });

  it('shows the last output below the exit code when nothing names a cause', () => {
    const reason = hostExitReason(127, ['/bin/sh: 1: exec: python3: not found']);
    expect(reason).toBe(
      'the agent host exited with code 127; its last output:\n/bin/sh: 1: exec: python3: not found',
    );
    expect(hostExitReason(137, [])).toBe('the agent host exited with code 137 without any output');
  });

  it('keeps the tail bounded however long the output was', () => {
    const noise = Array.from({ length: 100 }, (_, i) => `INFO line ${i}`);
    const lines = hostExitReason(1, [...noise, ...importFailure]).split('\n');
    expect(lines.length).toBeLessThan(20);
    expect(lines.at(-1)).toBe('RuntimeError: boom: missing MY_SECRET setting');
    expect(lines.join('\n')).not.toContain('INFO line 50');
  });
});
