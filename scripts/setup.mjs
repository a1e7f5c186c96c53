#!/usr/bin/env node
// Installs what Mooring needs before it starts or is tested, and nothing twice: the npm
// workspaces when the lockfile changed, and uv (the fast Python installer) in Mooring's own
// tools folder. Only Node's built-in modules are used, since nothing is installed yet.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const python = process.env.MOORING_PYTHON ?? 'python3';

function say(message) {
  process.stdout.write(`[mooring setup] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[mooring setup] ${message}\n`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed`);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 9)) {
    fail(`Node ${process.versions.node} is too old; Mooring needs Node 20.9 or newer.`);
  }
}

function checkPython() {
  let version;
  try {
    const code = 'import sys; print("%d.%d" % sys.version_info[:2])';
    version = execFileSync(python, ['-c', code], { encoding: 'utf8' }).trim();
  } catch {
    fail(`${python} was not found; Mooring needs Python 3.10 or newer (set MOORING_PYTHON).`);
  }
  const [major, minor] = version.split('.').map(Number);
  if (major < 3 || (major === 3 && minor < 10)) {
    fail(`${python} is Python ${version}; Mooring needs Python 3.10 or newer.`);
  }
}

function installNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing npm packages');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function installUv() {
  const venv = path.join(root, '.mooring', 'tools', 'uv');
  if (existsSync(path.join(venv, 'bin', 'uv'))) return;
  say(`installing uv into ${path.relative(root, venv)}`);
  run(python, ['-m', 'venv', venv]);
  run(path.join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', 'uv==0.13.9']);
}

checkNode();
checkPython();
installNodeModules();
installUv();
