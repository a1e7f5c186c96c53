export type AgentGroup = { root: string; agentIds: string[] };

/** Groups agent ids by their root, keeping the server's order of roots and of agents. */
export function groupAgentsByRoot(
  agentIds: readonly string[],
  roots: readonly string[],
): AgentGroup[] {
  const groups = new Map<string, AgentGroup>();
  agentIds.forEach((id, i) => {
    const root = roots[i] ?? '';
    const group = groups.get(root) ?? { root, agentIds: [] };
    group.agentIds.push(id);
    groups.set(root, group);
  });
  return [...groups.values()];
}
