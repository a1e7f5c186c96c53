import { summarizeFailure } from './failure-summary';

/**
 * The agent host's own log line when the agent could not be imported or found (see
 * `report_startup_failure` in packages/agent-host); the message after it is the fallback cause.
 */
const LOAD_FAILED = /startup failed: (?:agent '.*' failed to load: (.*)|(no agent folder at .*))$/;

/**
 * Why a host that exited before it was ready did: a headline with the cause first, then the end
 * of what it printed. The whole output is in the run's logs; the reason only has to point at it.
 */
export function hostExitReason(exitCode: number, output: readonly string[]): string {
  const { cause, tail } = summarizeFailure(output);
  const loadFailure = output.map((line) => LOAD_FAILED.exec(line)).findLast(Boolean);
  const exited = `the agent host exited with code ${exitCode}`;
  if (tail.length === 0) return `${exited} without any output`;

  if (loadFailure) {
    const said = cause ?? loadFailure[1] ?? loadFailure[2] ?? 'see its output';
    return [`the agent failed to load: ${said}`, `${exited}; its last output:`, ...tail].join('\n');
  }
  const headline = cause ? `${exited}: ${cause}` : `${exited}; its last output:`;
  return [headline, ...tail].join('\n');
}
