import { describe, expect, it } from 'vitest';
import { RunnerError } from '../runner-error';
import { agentPlacement } from './image-layout';

const spec = (agentsDir: string, appName: string, projectDir: string) => ({
  id: appName,
  name: appName,
  agentsDir,
  appName,
  projectDir,
  env: {},
});

describe('agentPlacement', () => {
  it('puts an adk create folder under /srv/agents', () => {
    expect(agentPlacement(spec('/a', 'weather', '/a/weather'))).toEqual({
      projectPath: '/srv/agents/weather',
      agentsDir: '/srv/agents',
      appName: 'weather',
    });
  });

  it('keeps the agents folder in its place inside a project', () => {
    expect(agentPlacement(spec('/p/src', 'dice', '/p'))).toMatchObject({
      projectPath: '/srv/project',
      agentsDir: '/srv/project/src',
    });
  });

  it('refuses an agents folder outside the project', () => {
    expect(() => agentPlacement(spec('/elsewhere', 'x', '/p'))).toThrow(RunnerError);
  });
});
