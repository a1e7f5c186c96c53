import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { followExit } from './follow-exit';

const lost = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const gone = () => Object.assign(new Error('no such container'), { statusCode: 404 });

/** A container whose inspect answers come from a script, one per call. */
function scripted(inspects: (() => Promise<unknown>)[], wait: () => Promise<unknown>) {
  let calls = 0;
  const container = {
    inspect: () =>
      (inspects[Math.min(calls++, inspects.length - 1)] ?? (() => Promise.reject(lost())))(),
    wait,
  };
  return container as unknown as Docker.Container;
}

describe('followExit', () => {
  it('passes on the exit code of the first wait', async () => {
    const container = scripted([], () => Promise.reject(lost()));
    const exit = await followExit(
      container,
      Promise.resolve({ StatusCode: 3 }),
      new AbortController().signal,
      silentLogger,
    );
    expect(exit).toEqual({ exitCode: 3 });
  });

  it('asks again after losing the daemon, and says so when the container had stopped', async () => {
    const container = scripted(
      [() => Promise.reject(lost()), async () => ({ State: { Running: false, ExitCode: 137 } })],
      () => Promise.reject(lost()),
    );
    const exit = await followExit(
      container,
      Promise.reject(lost()),
      new AbortController().signal,
      silentLogger,
    );
    expect(exit).toMatchObject({ exitCode: 137, reason: expect.stringContaining('daemon') });
  });

  it('waits again when the container still runs after the daemon came back', async () => {
    const container = scripted([async () => ({ State: { Running: true, ExitCode: 0 } })], () =>
      Promise.resolve({ StatusCode: 0 }),
    );
    const exit = await followExit(
      container,
      Promise.reject(lost()),
      new AbortController().signal,
      silentLogger,
    );
    expect(exit).toEqual({ exitCode: 0 });
  });

  it('notices a wait that hangs because its connection broke, by looking up', async () => {
    const container = scripted(
      [() => Promise.reject(lost()), async () => ({ State: { Running: false, ExitCode: 137 } })],
      () => new Promise(() => undefined),
    );
    const exit = await followExit(
      container,
      new Promise(() => undefined),
      new AbortController().signal,
      silentLogger,
    );
    expect(exit).toMatchObject({ exitCode: 137, reason: expect.stringContaining('daemon') });
  }, 20_000);

  it('reports a container removed under it, and nothing once aborted', async () => {
    const container = scripted([() => Promise.reject(gone())], () => Promise.reject(gone()));
    const signal = new AbortController().signal;
    const removed = await followExit(container, Promise.reject(gone()), signal, silentLogger);
    expect(removed).toMatchObject({ exitCode: -1, reason: expect.stringContaining('removed') });

    const abort = new AbortController();
    abort.abort();
    expect(await followExit(container, Promise.reject(lost()), abort.signal, silentLogger)).toBe(
      undefined,
    );
  });
});
