import { describe, expect, it } from 'vitest';
import { candidateSockets, resolveDockerEndpoint } from './docker-client';

describe('resolveDockerEndpoint', () => {
  it('takes DOCKER_HOST first', () => {
    expect(resolveDockerEndpoint({ DOCKER_HOST: 'tcp://10.0.0.2:2375' })).toEqual({
      source: 'DOCKER_HOST',
      address: 'tcp://10.0.0.2:2375',
    });
  });

  it('tries the system, rootless and Desktop sockets in that order', () => {
    expect(candidateSockets({ HOME: '/home/u', XDG_RUNTIME_DIR: '/run/user/1000' })).toEqual([
      '/var/run/docker.sock',
      '/run/user/1000/docker.sock',
      '/home/u/.docker/run/docker.sock',
      '/home/u/.docker/desktop/docker.sock',
    ]);
  });
});
