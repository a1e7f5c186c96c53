import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { pack } from 'tar-fs';
import { LineSplitter } from '../shared/line-splitter';
import { TailBuffer } from '../shared/tail-buffer';
import { RunnerError } from '../runner-error';
import { parseBuildMessage, parseBuildStep, type BuildStep } from './build-output';

export type BuildRequest = {
  contextDir: string;
  /** The Dockerfile's path inside the context. */
  dockerfile: string;
  tag: string;
  labels: Record<string, string>;
  signal: AbortSignal;
  onLine(line: string): void;
  onStep(step: BuildStep): void;
};

const TAIL_LINES = 20;

/**
 * Builds an image with the daemon's classic builder, whose plain `Step n/m` lines give progress.
 * Intermediate containers are removed even when a step fails (`forcerm`). Resolves once the tag
 * exists; rejects with `prepare_failed` and the build's last lines, or with whatever aborted it.
 */
export async function buildImage(docker: Docker, request: BuildRequest): Promise<void> {
  const { signal } = request;
  const tail = new TailBuffer(TAIL_LINES);
  const stream = await docker.buildImage(Readable.from(pack(request.contextDir)), {
    t: request.tag,
    dockerfile: request.dockerfile,
    labels: request.labels,
    rm: true,
    forcerm: true,
    abortSignal: signal,
  });

  const failure = await new Promise<string | undefined>((resolve, reject) => {
    let error: string | undefined;
    const output = new LineSplitter((line) => {
      if (!line.trim()) return;
      tail.add(line);
      request.onLine(line);
      const step = parseBuildStep(line);
      if (step) request.onStep(step);
    });
    const messages = new LineSplitter((raw) => {
      if (!raw.trim()) return;
      const message = parseBuildMessage(raw);
      if (message.stream) output.push(message.stream);
      if (message.status) output.push(`${message.status}\n`);
      if (message.error) {
        error = message.errorDetail?.message ?? message.error;
        output.push(`${error}\n`);
      }
    });
    stream.on('data', (chunk: Buffer) => messages.push(chunk));
    stream.on('error', (streamError: Error) => reject(signal.reason ?? streamError));
    const finish = () => {
      messages.flush();
      output.flush();
      resolve(error);
    };
    stream.on('end', finish);
    stream.on('close', finish);
  });

  if (signal.aborted) throw signal.reason;
  if (failure !== undefined) {
    throw new RunnerError('prepare_failed', `the image build failed: ${failure}\n${tail.text()}`);
  }
}
