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
  say('installing npm packages (a minute or two the first time)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function installUv() {
  const venv = path.join(root, '.mooring', 'tools', 'uv');
  if (existsSync(path.join(venv, 'bin', 'uv'))) return;
  say(`installing uv into ${path.relative(root, venv)}`);
  run(python, ['-m', 'venv', venv]);
  run(path.join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', 'uv==0.13.9']);
}

/** Root on a Debian-like machine may install what the tests need without asking. */
function canInstallPackages() {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
}

/**
 * What the test suite needs beyond packages: a browser it may drive and a Docker daemon with
 * a Python base image. Checked first, so a missing piece is said in one line, not after
 * minutes of tests.
 */
function checkTestNeeds() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium) && canInstallPackages()) {
    say('installing Chromium from Debian packages for the end-to-end tests');
    process.env.DEBIAN_FRONTEND ??= 'noninteractive';
    run('apt-get', ['update', '-q']);
    run('apt-get', ['install', '-y', '-q', 'chromium']);
  }
  if (!existsSync(chromium)) {
    fail(
      `the end-to-end tests drive ${chromium}; install it (apt-get install chromium) ` +
        'or set CHROMIUM_PATH.',
    );
  }
  if (process.env.MOORING_SKIP_DOCKER === '1') return;
  if (spawnSync('docker', ['info'], { stdio: 'ignore' }).status !== 0) {
    // The script installs and starts a daemon where it may (root or sudo), else says why not.
    const started = spawnSync('bash', ['scripts/docker/ensure-daemon.sh'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (started.status !== 0) {
      fail(
        'the tests need a Docker daemon: start one (bash scripts/docker/ensure-daemon.sh ' +
          'does, as root), or set MOORING_SKIP_DOCKER=1 to leave container tests out.',
      );
    }
  }
  if (process.env.MOORING_BASE_IMAGE) return;
  const image = 'mooring/python-base:bookworm';
  if (spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' }).status === 0) return;
  say(`building the local base image ${image} the tests use (about a minute, once)`);
  const built = spawnSync('bash', ['scripts/base-image/build.sh'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    fail(
      `could not build ${image}; set MOORING_BASE_IMAGE to a Python image you have ` +
        '(e.g. python:3.11-slim) to use that instead.',
    );
  }
}

checkNode();
checkPython();
installNodeModules();
installUv();
if (process.argv.includes('--tests')) checkTestNeeds();
