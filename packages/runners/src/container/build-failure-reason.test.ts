import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../shared/strip-ansi';
import { buildFailureReason } from './build-failure-reason';

const pipFailed =
  "The command '/bin/sh -c python3 -m pip install -r /opt/mooring/deps/requirements.txt' " +
  'returned a non-zero code: 2';
const pipOutput = [
  'Step 6/14 : RUN python3 -m pip install -r /opt/mooring/deps/requirements.txt',
  ' ---> Running in 0123456789ab',
  '\u001b[91mERROR: Exception:',
  'Traceback (most recent call last):',
  '  File "/usr/lib/python3/dist-packages/pip/_vendor/packaging/markers.py", line 280, in z',
  '    raise InvalidMarker(',
  "pip._vendor.packaging.markers.InvalidMarker: Invalid marker: 'this line is broken'\u001b[0m",
];

const noSuchHost =
  'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on ' +
  '10.0.0.1:53: no such host';
const pullOutput = ['Step 1/14 : FROM python:3.11-slim'];

describe('buildFailureReason', () => {
  it('leads with the cause, then the verdict, then the clean end of the output', () => {
    const lines = buildFailureReason({ error: pipFailed, lines: pipOutput }).split('\n');
    expect(lines[0]).toBe(
      "the image build failed: InvalidMarker: Invalid marker: 'this line is broken'",
    );
    expect(lines[1]).toBe(pipFailed);
    expect(lines.slice(2)).toEqual(pipOutput.map(stripAnsi));
  });

  it("falls back to the builder's verdict, said once, when the output names no cause", () => {
    const error =
      "The command '/bin/sh -c echo step-went-wrong && exit 3' returned a non-zero code: 3";
    const lines = ['Step 2/2 : RUN echo step-went-wrong && exit 3', 'step-went-wrong'];
    expect(buildFailureReason({ error, lines })).toBe(
      [`the image build failed: ${error}`, ...lines].join('\n'),
    );
  });

  it('puts the local base image advice first when the base image cannot be pulled', () => {
    const reason = buildFailureReason({
      error: noSuchHost,
      lines: pullOutput,
      baseImage: 'python:3.11-slim',
    });
    const [headline, ...rest] = reason.split('\n');
    expect(headline).toMatch(/^the base image python:3\.11-slim could not be pulled: /);
    expect(headline).toContain('bash scripts/base-image/build.sh');
    expect(headline).toContain('MOORING_BASE_IMAGE=mooring/python-base:bookworm');
    expect(headline).toContain('container.baseImage');
    expect(headline).toContain('restart Mooring');
    expect(rest).toEqual([noSuchHost]);
  });

  it('asks for the local base image to be built when that is the one missing', () => {
    const reason = buildFailureReason({
      error: 'pull access denied for mooring/python-base, repository does not exist',
      lines: ['Step 1/14 : FROM mooring/python-base:bookworm'],
      baseImage: 'mooring/python-base:bookworm',
    });
    expect(reason.split('\n')[0]).toBe(
      'the base image mooring/python-base:bookworm is not built yet and no registry has it: ' +
        'build it with bash scripts/base-image/build.sh, then start the agent again',
    );
  });

  it("does not offer MOORING_BASE_IMAGE for the FROM of an agent's own Dockerfile", () => {
    const lines = ['Step 1/3 : FROM --platform=linux/amd64 node:20', 'Pulling from library/node'];
    const reason = buildFailureReason({ error: noSuchHost, lines });
    expect(reason.split('\n')[0]).toMatch(/^the image build could not pull node:20, /);
    expect(reason).not.toContain('MOORING_BASE_IMAGE');
    expect(reason.split('\n').filter((line) => line === noSuchHost)).toHaveLength(1);
  });

  it('treats a failure after the FROM step as a build failure, not a pull failure', () => {
    const lines = ['Step 1/2 : FROM python:3.11-slim', 'Step 2/2 : RUN false'];
    const reason = buildFailureReason({ error: 'returned a non-zero code: 1', lines });
    expect(reason.split('\n')[0]).toBe('the image build failed: returned a non-zero code: 1');
  });
});
