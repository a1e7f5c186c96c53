/** Labels on everything Mooring creates, so what a crashed server left can be found again. */
export const LABELS = {
  managed: 'mooring.managed',
  agent: 'mooring.agent',
  run: 'mooring.run',
  /**
   * The Mooring (its store) that created a container. Adoption and clean-up only ever look at
   * containers carrying their own, so several Mooring installs can share a daemon.
   */
  instance: 'mooring.instance',
  /** The process that created a container, for people reading `docker ps`; nothing acts on it. */
  pid: 'mooring.pid',
} as const;

export function imageLabels(agentId: string): Record<string, string> {
  return { [LABELS.managed]: 'true', [LABELS.agent]: agentId };
}

export function containerLabels(
  agentId: string,
  runId: string,
  instanceId?: string,
): Record<string, string> {
  return {
    ...imageLabels(agentId),
    [LABELS.run]: runId,
    [LABELS.pid]: String(process.pid),
    ...(instanceId ? { [LABELS.instance]: instanceId } : {}),
  };
}

/** Docker label filters that match the containers of one run of this Mooring. */
export function runFilters(runId: string, instanceId?: string): string[] {
  return [
    `${LABELS.managed}=true`,
    `${LABELS.run}=${runId}`,
    ...(instanceId ? [`${LABELS.instance}=${instanceId}`] : []),
  ];
}
