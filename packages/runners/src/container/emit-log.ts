import type { LogStream } from '@mooring/protocol';
import type { RunContext } from '../agent-runner';

/** Reports one line of output to the run, stamped now. */
export function emitLog(context: RunContext, stream: LogStream, line: string): void {
  context.onMessage({ type: 'log', log: { stream, line, ts: Date.now() } });
}
