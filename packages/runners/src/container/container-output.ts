import { Writable } from 'node:stream';
import type Docker from 'dockerode';
import { LineSplitter } from '../shared/line-splitter';

export type OutputStream = 'stdout' | 'stderr';

/** A container's attached output; `ended` settles when the container closes its streams. */
export type ContainerOutput = { ended: Promise<void>; close(): void };

/**
 * Attaches to a created container's stdout and stderr before it starts, so no early line is
 * missed, and hands each demultiplexed line to `onLine`.
 */
export async function attachOutput(
  docker: Docker,
  container: Docker.Container,
  onLine: (stream: OutputStream, line: string) => void,
): Promise<ContainerOutput> {
  const attached = await container.attach({ stream: true, stdout: true, stderr: true });
  const stdout = new LineSplitter((line) => onLine('stdout', line));
  const stderr = new LineSplitter((line) => onLine('stderr', line));
  docker.modem.demuxStream(attached, lineSink(stdout), lineSink(stderr));

  const ended = new Promise<void>((resolve) => {
    const finish = () => {
      stdout.flush();
      stderr.flush();
      resolve();
    };
    attached.once('end', finish);
    attached.once('close', finish);
    attached.once('error', finish);
  });
  const close = () => {
    if ('destroy' in attached && typeof attached.destroy === 'function') attached.destroy();
  };
  return { ended, close };
}

function lineSink(splitter: LineSplitter): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      splitter.push(chunk);
      callback();
    },
  });
}
