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

  it("reads the .env's comments, exports, quotes, multi-line values and CRLF endings", async () => {
    const dotenv = [
      '# a comment',
      'export PLAIN = two words  # trailing',
      "SINGLE='kept \\n literally'",
      'KEY="-----BEGIN\\nbody',
      '-----END"',
      'URL="http://x/#frag"',
      'EMPTY=',
      'not an assignment',
    ].join('\r\n');
    const agent = await tempAgent('env_format', { '.env': dotenv });
    const env = await containerEnv(agent, { runId: 'r', secret: 's', eventUrl: 'u' });
    expect(env).toEqual({
      PLAIN: 'two words',
      SINGLE: 'kept \\n literally',
      KEY: '-----BEGIN\nbody\n-----END',
      URL: 'http://x/#frag',
      EMPTY: '',
      MOORING_RUN_ID: 'r',
      MOORING_RUN_SECRET: 's',
      MOORING_EVENT_URL: 'u',
    });
  });

  it('works without a .env file', async () => {
    const agent = await tempAgent('no_env', { 'agent.py': '' });
    const env = await containerEnv(agent, { runId: 'r', secret: 's', eventUrl: 'u' });
    expect(Object.keys(env)).toEqual(['MOORING_RUN_ID', 'MOORING_RUN_SECRET', 'MOORING_EVENT_URL']);
  });
});
