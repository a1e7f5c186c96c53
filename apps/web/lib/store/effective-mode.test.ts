import type { DockerState } from '@mooring/protocol';
import { describe, expect, it } from 'vitest';
import { agentView, runView } from '../testing/fixtures';
import { effectiveMode } from './effective-mode';

const docker: DockerState = { available: true };
const noDocker: DockerState = { available: false, reason: 'no daemon found' };
const failedInContainer = agentView({
  status: 'failed',
  run: runView({ mode: 'container', status: 'failed', reason: 'build failed' }),
});

describe('effectiveMode', () => {
  it("defaults to venv for an agent that never ran and that the user didn't choose for", () => {
    expect(effectiveMode(agentView(), undefined, docker)).toBe('venv');
  });

  it("defaults to the last run's mode when this browser remembers no choice", () => {
    expect(effectiveMode(failedInContainer, undefined, docker)).toBe('container');
  });

  it("prefers the remembered choice over the last run's mode", () => {
    expect(effectiveMode(failedInContainer, 'venv', docker)).toBe('venv');
  });

  it('falls back to venv while Docker is unavailable', () => {
    expect(effectiveMode(failedInContainer, undefined, noDocker)).toBe('venv');
    expect(effectiveMode(agentView(), 'container', noDocker)).toBe('venv');
  });

  it('shows the mode of an active run whatever was chosen', () => {
    const running = agentView({ status: 'running', run: runView({ mode: 'container' }) });
    expect(effectiveMode(running, 'venv', noDocker)).toBe('container');
  });
});
