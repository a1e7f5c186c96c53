/** Labels on everything Mooring creates, so leftovers of a crashed server can be found. */
export const LABELS = {
  managed: 'mooring.managed',
  agent: 'mooring.agent',
  run: 'mooring.run',
  /** The process that created a container; a reaper removes those whose process is gone. */
  pid: 'mooring.pid',
} as const;

export function imageLabels(agentId: string): Record<string, string> {
  return { [LABELS.managed]: 'true', [LABELS.agent]: agentId };
}

export function containerLabels(agentId: string, runId: string): Record<string, string> {
  return { ...imageLabels(agentId), [LABELS.run]: runId, [LABELS.pid]: String(process.pid) };
}
