import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverAgents } from './discover-agents';

let root: string;

async function write(rel: string, content = '') {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'mooring-discovery-'));
  // adk create layout
  await write('weather/__init__.py', 'from . import agent\n');
  await write(
    'weather/agent.py',
    'root_agent = Agent(name="w", description="Tells the weather.")\n',
  );
  await write('weather/requirements.txt', 'google-adk\n');
  // project layout with a package that has __init__.py, and one without
  await write('shop/requirements.txt', 'google-adk\n');
  await write('shop/shop_agent/__init__.py', 'from . import agent\n');
  await write('shop/shop_agent/agent.py', "root_agent = Agent(description='Sells things.')\n");
  await write('lab/pyproject.toml', '[project]\nname = "lab"\n');
  await write(
    'lab/lab_bot/agent.py',
    'root_agent = Agent(\n    description="""Runs\n    tests."""\n)\n',
  );
  // config agent
  await write('greeter/root_agent.yaml', 'name: greeter\ndescription: "Says hello."\n');
  // nested under a plain folder
  await write('more/deep/echo/agent.py', 'root_agent = Echo()\n');
  // not agents
  await write('notes/readme.md', '# notes\n');
  await write('scripts/agent.py', 'print("no root agent here")\n');
  await write('.hidden/agent.py', 'root_agent = None\n');
  await write('weather/node_modules/x/agent.py', 'root_agent = None\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('discoverAgents', () => {
  it('finds the layouts ADK users have and nothing else', async () => {
    const agents = await discoverAgents([root]);
    const byId = Object.fromEntries(agents.map((a) => [a.spec.id, a]));
    expect(Object.keys(byId).sort()).toEqual([
      'greeter',
      'lab',
      'more.deep.echo',
      'shop',
      'weather',
    ]);

    expect(byId.weather?.spec).toMatchObject({ agentsDir: root, appName: 'weather' });
    expect(byId.weather?.description).toBe('Tells the weather.');
    expect(byId.shop?.spec).toMatchObject({
      agentsDir: path.join(root, 'shop'),
      appName: 'shop_agent',
      projectDir: path.join(root, 'shop'),
    });
    expect(byId.shop?.description).toBe('Sells things.');
    expect(byId.lab?.spec.appName).toBe('lab_bot');
    expect(byId.lab?.description).toBe('Runs tests.');
    expect(byId.greeter).toMatchObject({ kind: 'config', description: 'Says hello.' });
    expect(byId['more.deep.echo']?.root).toBe(path.basename(root));
  });

  it('keeps ids unique across roots and passes configured variables', async () => {
    const agents = await discoverAgents([root, root], { weather: { CITY: 'Oslo' } });
    const ids = agents.map((a) => a.spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(agents.find((a) => a.spec.id === 'weather')?.spec.env).toEqual({ CITY: 'Oslo' });
  });

  it('lists nothing for a root that does not exist', async () => {
    expect(await discoverAgents([path.join(root, 'missing')])).toEqual([]);
  });
});
