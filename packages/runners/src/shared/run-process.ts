import { spawn } from 'node:child_process';
import { exitCodeOf } from './exit-code';
import { LineSplitter } from './line-splitter';
import { TailBuffer } from './tail-buffer';

export type ProcessResult = { code: number; tail: string };

/**
 * Runs a short-lived command (an installer, say), handing every output line to `onLine` and
 * resolving with its exit code and last lines. Aborting kills it.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; signal?: AbortSignal },
  onLine: (line: string) => void,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const tail = new TailBuffer();
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kill = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', kill, { once: true });

    const splitter = new LineSplitter((line) => {
      tail.add(line);
      onLine(line);
    });
    child.stdout.on('data', (chunk: Buffer) => splitter.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => splitter.push(chunk));
    child.on('error', (error) => {
      tail.add(`${command}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      splitter.flush();
      options.signal?.removeEventListener('abort', kill);
      resolve({ code: exitCodeOf(code, signal), tail: tail.text() });
    });
  });
}
