#!/usr/bin/env node
// Runs the agent host's Python checks: ruff, then pytest.
//
// Keeps one venv at .mooring/tools/agent-host-venv with google-adk, pytest, ruff and the
// host (editable). It is rebuilt only when the host's pyproject.toml, this script's
// recipe or the Python it was made from change, so a warm run costs nothing extra.
// Uses uv when it is in the venv, in .mooring/tools/uv or on PATH, pip otherwise.
// Environment: MOORING_PYTHON picks the interpreter (default python3).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RECIPE = 'agent-host-venv/1';
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hostDir = path.join(repo, 'packages', 'agent-host');
const agentsDir = path.join(repo, 'agents');
const venvDir = path.join(repo, '.mooring', 'tools', 'agent-host-venv');
const stampFile = path.join(venvDir, '.mooring-stamp');
const binDir = path.join(venvDir, process.platform === 'win32' ? 'Scripts' : 'bin');
const exe = (name) => path.join(binDir, process.platform === 'win32' ? `${name}.exe` : name);
const basePython = process.env.MOORING_PYTHON || 'python3';

function say(message) {
  process.stdout.write(`\n[python-tests] ${message}\n`);
}

function run(command, args, options = {}) {
  const shown = [command, ...args].map((a) => path.relative(repo, a) || a).join(' ');
  say(`$ ${shown}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repo, ...options });
  if (result.error) {
    say(`could not start ${command}: ${result.error.message}`);
    return 127;
  }
  return result.status ?? 1;
}

function quiet(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout}${result.stderr}`.trim() : null;
}

function mustRun(command, args, what, options = {}) {
  const code = run(command, args, options);
  if (code !== 0) {
    say(`${what} failed (exit ${code})`);
    process.exit(code);
  }
}

// scripts/setup.mjs (run by `npm test` before this) installs uv into .mooring/tools/uv.
const toolsUv = path.join(repo, '.mooring', 'tools', 'uv', 'bin', 'uv');

function findUv() {
  for (const candidate of [exe('uv'), toolsUv]) {
    if (existsSync(candidate)) return candidate;
  }
  return quiet('uv', ['--version']) === null ? null : 'uv';
}

function wantedStamp(pythonVersion) {
  const hash = createHash('sha256');
  hash.update(RECIPE);
  hash.update(pythonVersion);
  hash.update(readFileSync(path.join(hostDir, 'pyproject.toml')));
  return hash.digest('hex');
}

function ensureVenv() {
  const pythonVersion = quiet(basePython, ['--version']);
  if (pythonVersion === null) {
    say(`${basePython} was not found; install Python 3.10+ or set MOORING_PYTHON`);
    process.exit(1);
  }
  const stamp = wantedStamp(pythonVersion);
  const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  const venvWorks = quiet(exe('python'), ['--version']) !== null;
  if (current === stamp && venvWorks) {
    say(`venv is up to date: ${path.relative(repo, venvDir)} (${pythonVersion})`);
    return;
  }

  say(venvWorks ? 'host dependencies changed; updating the venv' : 'creating the venv');
  if (!venvWorks) {
    rmSync(venvDir, { recursive: true, force: true });
    mkdirSync(path.dirname(venvDir), { recursive: true });
    const uvForVenv = findUv();
    // Only the interpreter that is already here: uv must not try to download one.
    const env = { ...process.env, UV_PYTHON_DOWNLOADS: 'never' };
    if (uvForVenv)
      mustRun(uvForVenv, ['venv', '--python', basePython, venvDir], 'uv venv', { env });
    else mustRun(basePython, ['-m', 'venv', venvDir], 'python -m venv');
  }

  const uv = findUv();
  const packages = ['-e', `${hostDir}[test]`];
  if (uv) {
    say('installing google-adk, pytest, ruff and the host with uv');
    mustRun(uv, ['pip', 'install', '--python', exe('python'), ...packages], 'uv pip install');
  } else {
    say('installing google-adk, pytest, ruff and the host with pip (uv not found)');
    const pip = [exe('python'), '-m', 'pip', 'install', '--disable-pip-version-check'];
    mustRun(pip[0], [...pip.slice(1), ...packages], 'pip install');
  }
  writeFileSync(stampFile, `${stamp}\n`);
}

function main() {
  ensureVenv();

  say('ruff check (agent host and bundled agents)');
  const config = path.join(hostDir, 'pyproject.toml');
  const lintCode = run(exe('ruff'), ['check', '--config', config, hostDir, agentsDir]);

  say('pytest packages/agent-host/tests');
  const testCode = run(exe('python'), ['-m', 'pytest', path.join(hostDir, 'tests')], {
    cwd: hostDir,
  });

  if (testCode !== 0) {
    say(`pytest failed (exit ${testCode})`);
    process.exit(testCode);
  }
  if (lintCode !== 0) {
    say(`ruff found problems (exit ${lintCode})`);
    process.exit(lintCode);
  }
  say('ruff and pytest passed');
}

main();
