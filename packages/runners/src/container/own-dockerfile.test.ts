import { describe, expect, it } from 'vitest';
import { extendOwnDockerfile, finalStageUser } from './own-dockerfile';

const placement = { projectPath: '/srv/agents/dice', agentsDir: '/srv/agents', appName: 'dice' };

describe('extendOwnDockerfile', () => {
  it("appends the host to the final stage and goes back to the file's user", () => {
    const own = 'FROM python:3.12-slim AS deps\nUSER builder\nFROM python:3.12-slim\nUSER app\n';
    const text = extendOwnDockerfile(own, placement);
    expect(text.startsWith(own.trimEnd())).toBe(true);
    const tail = text.slice(own.trimEnd().length).split('\n');
    expect(tail).toContain('USER root');
    expect(tail).toContain('COPY --chown=app . /srv/agents/dice/');
    expect(tail).toContain('USER app');
    expect(tail.at(-2)).toBe('CMD []');
  });

  it('keeps root when the file never chose a user', () => {
    const text = extendOwnDockerfile('FROM base\nRUN true', placement);
    expect(text).toContain('COPY . /srv/agents/dice/');
    expect(text.split('\n').filter((l) => l.startsWith('USER '))).toEqual(['USER root']);
  });
});

describe('finalStageUser', () => {
  it('forgets users of earlier stages', () => {
    expect(finalStageUser('FROM a\nUSER x\nFROM b\n')).toBeUndefined();
    expect(finalStageUser('from a\nuser 1000:1000\n')).toBe('1000:1000');
  });
});
