import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunnerError } from '../runner-error';
import { buildImage, type BuildRequest } from './build-image';

/** A daemon whose `/build` answers with these JSON messages, as the classic builder streams. */
function fakeDocker(messages: readonly object[]): Docker {
  const buildImage = async (context: Readable) => {
    context.resume();
    return Readable.from(messages.map((message) => `${JSON.stringify(message)}\r\n`));
  };
  return { buildImage } as unknown as Docker;
}

let contextDir = '';
const lines: string[] = [];

function request(extra: Partial<BuildRequest> = {}): BuildRequest {
  return {
    contextDir,
    dockerfile: 'Dockerfile',
    tag: 'mooring-agent/test:1',
    labels: {},
    signal: new AbortController().signal,
    onLine: (line) => lines.push(line),
    onStep: () => {},
    ...extra,
  };
}

async function failure(docker: Docker, extra: Partial<BuildRequest> = {}): Promise<RunnerError> {
  const error = await buildImage(docker, request(extra)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RunnerError);
  return error as RunnerError;
}

beforeEach(async () => {
  contextDir = await mkdtemp(path.join(tmpdir(), 'mooring-build-'));
  await writeFile(path.join(contextDir, 'Dockerfile'), 'FROM scratch\n');
  lines.length = 0;
});

afterEach(async () => {
  await rm(contextDir, { recursive: true, force: true });
});

describe('buildImage', () => {
  it('fails with the cause first and no escape codes, in the reason and the logs', async () => {
    const verdict = "The command '/bin/sh -c pip install -r r.txt' returned a non-zero code: 2";
    const docker = fakeDocker([
      { stream: 'Step 6/9 : RUN pip install -r r.txt\n' },
      { stream: '\u001b[91mERROR: Exception:\nTraceback (most recent call last):\n' },
      { stream: '  File "markers.py", line 280, in __init__\n    raise InvalidMarker(\n' },
      { stream: "pip._vendor.packaging.markers.InvalidMarker: Invalid marker: 'x y'\n\u001b[0m" },
      { errorDetail: { code: 2, message: verdict }, error: verdict },
    ]);

    const error = await failure(docker);
    expect(error.code).toBe('prepare_failed');
    const reason = error.message.split('\n');
    expect(reason[0]).toBe("the image build failed: InvalidMarker: Invalid marker: 'x y'");
    expect(reason[1]).toBe(verdict);
    expect(reason.filter((line) => line === verdict)).toHaveLength(1);
    expect(error.message).not.toContain('\u001b');
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.at(-1)).toBe(verdict);
  });

  it('says once that the base image could not be pulled, with what to do first', async () => {
    const pull =
      'Get "https://registry-1.docker.io/v2/": lookup registry-1.docker.io: no such host';
    const docker = fakeDocker([
      { stream: 'Step 1/9 : FROM python:3.11-slim\n' },
      { errorDetail: { message: pull }, error: pull },
    ]);

    const error = await failure(docker, { baseImage: 'python:3.11-slim' });
    const [headline, ...rest] = error.message.split('\n');
    expect(headline).toMatch(
      /^the base image python:3\.11-slim could not be pulled: build a local/,
    );
    expect(headline).toContain('MOORING_BASE_IMAGE=mooring/python-base:bookworm');
    expect(rest).toEqual([pull]);
    expect(lines).toEqual(['Step 1/9 : FROM python:3.11-slim', pull]);
  });

  it('resolves when the build ends without an error', async () => {
    const docker = fakeDocker([{ stream: 'Step 1/1 : FROM scratch\n' }, { aux: { ID: 'sha' } }]);
    await expect(buildImage(docker, request())).resolves.toBeUndefined();
    expect(lines).toEqual(['Step 1/1 : FROM scratch']);
  });
});
