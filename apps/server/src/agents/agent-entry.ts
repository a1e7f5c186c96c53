import type { AgentSpec } from '@mooring/runners';

/** A discovered agent: what runners need, plus what the card shows. */
export type AgentEntry = {
  spec: AgentSpec;
  description: string;
  root: string;
  path: string;
  kind: 'python' | 'config';
  hasDockerfile: boolean;
};
