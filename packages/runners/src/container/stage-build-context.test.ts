import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_LAYOUT, OWN_DOCKERFILE_LAYOUT } from './build-context-layout';
import { stageBuildContext } from './stage-build-context';

let root: string;

async function put(rel: string, text = rel): Promise<void> {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'mooring-stage-'));
  await put('project/agent.py');
  await put('project/requirements.txt');
  await put('project/.env', 'SECRET=1');
  await put('project/.env.local', 'SECRET=2');
  await put('project/.venv/bin/python');
  await put('project/env-by-other-name/pyvenv.cfg');
  await put('project/__pycache__/agent.cpython-311.pyc');
  await put('project/.git/HEAD');
  await put('project/node_modules/x/index.js');
  await put('project/data/big.bin');
  await put('project/data/keep.txt');
  await put('project/.dockerignore', 'data/*\n!data/keep.txt\n!.env\n');
  await put('host/pyproject.toml');
  await put('host/src/mooring_agent_host/__init__.py');
  await put('host/tests/test_x.py');
  await put('host/package.json');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('stageBuildContext', () => {
  it('honors .dockerignore, always drops secrets and environments, adds the host', async () => {
    const destDir = path.join(root, 'out');
    const files = await stageBuildContext({
      projectDir: path.join(root, 'project'),
      agentHostDir: path.join(root, 'host'),
      destDir,
      layout: OWN_DOCKERFILE_LAYOUT,
    });
    expect(files).toEqual([
      '.mooring-host/pyproject.toml',
      '.mooring-host/src/mooring_agent_host/__init__.py',
      'agent.py',
      'data/keep.txt',
      'requirements.txt',
    ]);
    expect(await readFile(path.join(destDir, 'agent.py'), 'utf8')).toBe('project/agent.py');
  });

  it('puts the project in a subfolder for a generated Dockerfile', async () => {
    const files = await stageBuildContext({
      projectDir: path.join(root, 'project'),
      agentHostDir: path.join(root, 'host'),
      destDir: path.join(root, 'out'),
      layout: GENERATED_LAYOUT,
    });
    expect(files).toContain('agent/agent.py');
    expect(files).not.toContain('agent.py');
  });
});
