import { describe, expect, it } from 'vitest';
import { containerEnv } from './container-env';
import { tempAgent } from './container-test-kit';

describe('containerEnv', () => {
  it('layers .env, configured variables and the run variables, in that order', async () => {
    const agent = await tempAgent('env_agent', { '.env': 'A=from-file\nB=from-file\n' });
    agent.env = { B: 'from-config', MOORING_RUN_ID: 'spoofed' };
    const env = await containerEnv(agent, { runId: 'r1', secret: 's', eventUrl: 'ws://x' });
    expect(env).toEqual({
      A: 'from-file',
      B: 'from-config',
      MOORING_RUN_ID: 'r1',
      MOORING_RUN_SECRET: 's',
      MOORING_EVENT_URL: 'ws://x',
    });
  });

  it('works without a .env file', async () => {
    const agent = await tempAgent('no_env', { 'agent.py': '' });
    const env = await containerEnv(agent, { runId: 'r', secret: 's', eventUrl: 'u' });
    expect(Object.keys(env)).toEqual(['MOORING_RUN_ID', 'MOORING_RUN_SECRET', 'MOORING_EVENT_URL']);
  });
});
