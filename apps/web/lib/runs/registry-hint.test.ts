import { describe, expect, it } from 'vitest';
import { REGISTRY_HINT, registryHint } from './registry-hint';

describe('registryHint', () => {
  it('points at a local base image when no registry answered', () => {
    const reasons = [
      'pull python:3.11-slim: Get "https://registry-1.docker.io/v2/": dial tcp: timeout',
      'lookup registry-1.docker.io: no such host',
      'pull access denied for python, repository does not exist',
    ];
    expect(reasons.map(registryHint)).toEqual([REGISTRY_HINT, REGISTRY_HINT, REGISTRY_HINT]);
  });

  it('stays quiet for other failures and when the reason already says it', () => {
    expect(registryHint('the agent host exited with code 1')).toBeNull();
    expect(registryHint(undefined)).toBeNull();
    const told = 'no such host; set MOORING_BASE_IMAGE to a local image';
    expect(registryHint(told)).toBeNull();
  });
});
