import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

async function configFile(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mooring-config-'));
  const file = path.join(dir, 'mooring.config.json');
  await writeFile(file, content);
  return file;
}

describe('loadConfig', () => {
  it('resolves roots against the config file; the environment overrides', async () => {
    const file = await configFile(
      JSON.stringify({ roots: ['mine', '/abs/other'], agents: { a: { env: { K: 'v' } } } }),
    );
    const config = loadConfig({ MOORING_CONFIG: file, MOORING_PORT: '4999' });
    expect(config.roots).toEqual([path.join(path.dirname(file), 'mine'), '/abs/other']);
    expect(config.port).toBe(4999);
    expect(config.host).toBe('127.0.0.1');
    expect(config.agentEnv).toEqual({ a: { K: 'v' } });
  });

  it('rejects unknown settings and bad JSON with the file named', async () => {
    const unknown = await configFile(JSON.stringify({ rootz: ['x'] }));
    expect(() => loadConfig({ MOORING_CONFIG: unknown })).toThrow(ConfigError);
    const broken = await configFile('{ not json');
    expect(() => loadConfig({ MOORING_CONFIG: broken })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ MOORING_CONFIG: '/nope/mooring.json' })).toThrow(/does not exist/);
  });

  it('puts the agent event port beside the API port unless told otherwise', async () => {
    const file = await configFile(JSON.stringify({ port: 4200 }));
    expect(loadConfig({ MOORING_CONFIG: file }).agentEventPort).toBe(4201);
    expect(loadConfig({ MOORING_CONFIG: file, MOORING_PORT: '0' }).agentEventPort).toBe(4101);
    const pinned = { MOORING_CONFIG: file, MOORING_AGENT_EVENT_PORT: '4999' };
    expect(loadConfig(pinned).agentEventPort).toBe(4999);
  });

  it('refuses a port that is not a port', () => {
    expect(() => loadConfig({ MOORING_PORT: 'eighty' })).toThrow(/not a TCP port/);
  });
});
