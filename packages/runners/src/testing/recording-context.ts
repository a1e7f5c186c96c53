import type { Envelope } from '@mooring/protocol';
import type { RunContext } from '../agent-runner';
import type { AgentSpec } from '../agent-spec';
import { silentLogger } from '../logger';
import type { RunnerMessage } from '../runner-message';

/** A run context that records every message, for assertions; each counts as stored at once. */
export function recordingContext(agent: AgentSpec, runId = `run-${Date.now()}`) {
  const messages: RunnerMessage[] = [];
  const context: RunContext = {
    runId,
    agent,
    logger: silentLogger,
    onMessage: async (message) => {
      messages.push(message);
    },
  };
  const envelopes = () =>
    messages.flatMap((m): Envelope[] => (m.type === 'envelope' ? [m.envelope] : []));
  const logText = () => messages.flatMap((m) => (m.type === 'log' ? [m.log.line] : [])).join('\n');
  return { context, messages, envelopes, logText };
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
