import { describe, expect, it } from 'vitest';
import { generateDockerfile } from './generated-dockerfile';

const placement = {
  projectPath: '/srv/agents/weather',
  agentsDir: '/srv/agents',
  appName: 'weather',
};

function lines(dependencies: Parameters<typeof generateDockerfile>[0]['dependencies']): string[] {
  return generateDockerfile({ agentId: 'weather', baseImage: 'base:1', placement, dependencies })
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
}

const index = (all: string[], prefix: string) => all.findIndex((l) => l.startsWith(prefix));

describe('generateDockerfile', () => {
  it('installs dependencies from the requirements file before copying the source', () => {
    const all = lines({ kind: 'requirements', file: 'requirements.txt', needsSource: false });
    expect(all[0]).toBe('FROM base:1');
    const deps = all.indexOf('COPY agent/requirements.txt /opt/mooring/deps/requirements.txt');
    const source = index(all, 'COPY --chown=10001:10001 agent/ /srv/agents/weather/');
    expect(deps).toBeGreaterThan(index(all, 'RUN python3 -m pip install /opt/mooring/host'));
    expect(source).toBeGreaterThan(deps);
    expect(index(all, 'USER 10001:10001')).toBeGreaterThan(source);
  });

  it('installs after the source when the requirements refer to local paths', () => {
    const all = lines({ kind: 'requirements', file: 'requirements.txt', needsSource: true });
    expect(all.indexOf('RUN python3 -m pip install -r requirements.txt')).toBeGreaterThan(
      index(all, 'COPY --chown'),
    );
  });

  it('reads pyproject dependencies with tomllib', () => {
    const text = lines({ kind: 'pyproject', file: 'pyproject.toml' }).join('\n');
    expect(text).toContain('COPY agent/pyproject.toml /opt/mooring/deps/pyproject.toml');
    expect(text).toContain('tomllib');
  });

  it('runs the host from the environment with run details read at start', () => {
    const entry = lines({ kind: 'none' }).find((l) => l.startsWith('ENTRYPOINT'));
    const [shell, flag, command] = JSON.parse(entry?.slice('ENTRYPOINT '.length) ?? '[]');
    expect([shell, flag]).toEqual(['/bin/sh', '-c']);
    expect(command).toBe(
      "exec python3 -m mooring_agent_host --agents-dir '/srv/agents' --app 'weather' " +
        '--port 8080 --host 0.0.0.0 --run-id "$MOORING_RUN_ID" --event-url "$MOORING_EVENT_URL"',
    );
  });
});
