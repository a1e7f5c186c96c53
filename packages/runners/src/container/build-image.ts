import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { pack } from 'tar-fs';
import { LineSplitter } from '../shared/line-splitter';
import { stripAnsi } from '../shared/strip-ansi';
import { TailBuffer } from '../shared/tail-buffer';
import { RunnerError } from '../runner-error';
import { buildFailureReason } from './build-failure-reason';
import { parseBuildMessage, parseBuildStep, type BuildStep } from './build-output';

export type BuildRequest = {
  contextDir: string;
  /** The Dockerfile's path inside the context. */
  dockerfile: string;
  tag: string;
  labels: Record<string, string>;
  /** The configured base image, when the Dockerfile is Mooring's own. */
  baseImage?: string | undefined;
  signal: AbortSignal;
  onLine(line: string): void;
  onStep(step: BuildStep): void;
};

/**
 * Builds an image with the daemon's classic builder, whose plain `Step n/m` lines give progress.
 * Intermediate containers are removed even when a step fails (`forcerm`). Resolves once the tag
 * exists; rejects with `prepare_failed` and why (see {@link buildFailureReason}), or with whatever
 * aborted it. Steps colour their stderr, which neither the logs nor the reason show as colour, so
 * the escapes are removed from every line.
 */
export async function buildImage(docker: Docker, request: BuildRequest): Promise<void> {
  const { signal } = request;
  const tail = new TailBuffer();
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
    const output = new LineSplitter((raw) => {
      const line = stripAnsi(raw);
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
        error = stripAnsi(message.errorDetail?.message ?? message.error);
        // Logged in order but kept out of the tail: the reason gives the verdict a line of its own.
        output.flush();
        for (const line of error.split('\n')) if (line.trim()) request.onLine(line);
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
    const reason = buildFailureReason({
      error: failure,
      lines: tail.snapshot(),
      baseImage: request.baseImage,
    });
    throw new RunnerError('prepare_failed', reason);
  }
}
