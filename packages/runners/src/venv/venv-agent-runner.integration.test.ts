import { describe, expect, it } from 'vitest';
import { RunnerError } from '../runner-error';
import {
  BUNDLED,
  eventually,
  FIXTURES,
  folderAgent,
  recordingContext,
  testSettings,
} from '../testing/test-settings';
import { VenvAgentRunner } from './venv-agent-runner';
import { chatWithHost } from '../testing/chat-with-host';
import { partKind } from '../testing/part-kind';
import { isAlive } from '../testing/process-alive';

const settings = testSettings();
const MINUTES = 60_000;

describe('VenvAgentRunner with real google-adk', () => {
  it(
    'runs the weather agent and streams call, response and text events in order',
    async () => {
      const agent = folderAgent(BUNDLED, 'weather_assistant');
      const run = recordingContext(agent);
      const runner = new VenvAgentRunner(run.context, settings);
      const endpoint = await runner.start();
      try {
        expect(endpoint.pid).toBeGreaterThan(0);
        expect(run.envelopes()[0]?.kind).toBe('ready');

        await chatWithHost(endpoint.baseUrl, 'weather_assistant', 'What is the weather in Paris?');
        await eventually(() => run.envelopes().some((e) => e.kind === 'run-finished'), 'run end');

        const kinds = run.envelopes().flatMap(partKind);
        const call = kinds.indexOf('function-call');
        const response = kinds.indexOf('function-response');
        const text = kinds.lastIndexOf('text');
        expect(call).toBeGreaterThanOrEqual(0);
        expect(response).toBeGreaterThan(call);
        expect(text).toBeGreaterThan(response);
        const seqs = run.envelopes().map((e) => e.seq);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      } finally {
        await runner.stop();
      }
      expect(isAlive(endpoint.pid ?? 0)).toBe(false);
      // A clean stop is clean: no interpreter abort on the way out.
      expect(run.logText()).not.toMatch(/Fatal Python error/);
    },
    10 * MINUTES,
  );

  it(
    'reuses the environment on a second start',
    async () => {
      const agent = folderAgent(BUNDLED, 'weather_assistant');
      const run = recordingContext(agent);
      const runner = new VenvAgentRunner(run.context, settings);
      await runner.start();
      await runner.stop();
      expect(run.logText()).toMatch(/reusing it/);
      expect(run.messages.some((m) => m.type === 'progress' && m.progress.step === 'install')).toBe(
        false,
      );
    },
    10 * MINUTES,
  );

  it(
    'fails with the installer error when requirements cannot be installed',
    async () => {
      const run = recordingContext(folderAgent(FIXTURES, 'broken_requirements'));
      const runner = new VenvAgentRunner(run.context, settings);
      const error = await runner.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunnerError);
      expect((error as RunnerError).code).toBe('prepare_failed');
      expect(run.logText()).toMatch(/mooring-package-that-does-not-exist/);
    },
    10 * MINUTES,
  );

  it(
    'fails with the traceback when the agent raises on import',
    async () => {
      const run = recordingContext(folderAgent(FIXTURES, 'import_error'));
      const runner = new VenvAgentRunner(run.context, settings);
      const error = await runner.start().catch((e: unknown) => e);
      expect((error as RunnerError).code).toBe('host_exited');
      expect((error as RunnerError).message).toMatch(/fails on import on purpose/);
      expect(run.logText()).toMatch(/Traceback/);
      expect(run.envelopes().some((e) => e.kind === 'ready')).toBe(false);
    },
    10 * MINUTES,
  );

  it(
    'skips a malformed event line and keeps streaming',
    async () => {
      const run = recordingContext(folderAgent(FIXTURES, 'noisy_pipe'));
      const runner = new VenvAgentRunner(run.context, settings);
      const endpoint = await runner.start();
      try {
        expect(run.logText()).toMatch(/skipped a malformed event line/);
        await chatWithHost(endpoint.baseUrl, 'noisy_pipe', 'hello');
        await eventually(() => run.envelopes().some((e) => e.kind === 'run-finished'), 'run end');
      } finally {
        await runner.stop();
      }
    },
    10 * MINUTES,
  );

  it(
    'reports the exit code when the agent process dies while running',
    async () => {
      const run = recordingContext(folderAgent(FIXTURES, 'noisy_pipe'));
      const runner = new VenvAgentRunner(run.context, settings);
      const endpoint = await runner.start();
      process.kill(endpoint.pid ?? 0, 'SIGKILL');
      await eventually(() => run.messages.some((m) => m.type === 'exit'), 'exit message');
      const exit = run.messages.find((m) => m.type === 'exit');
      expect(exit).toMatchObject({ type: 'exit', exitCode: 137 });
      await runner.stop();
    },
    10 * MINUTES,
  );

  it(
    'can be stopped while it is still preparing, and twice',
    async () => {
      const run = recordingContext(folderAgent(FIXTURES, 'noisy_pipe'));
      const runner = new VenvAgentRunner(run.context, settings);
      const started = runner.start().catch((e: unknown) => e);
      await runner.stop();
      await runner.stop();
      const error = await started;
      expect((error as RunnerError).code).toBe('stopped');
    },
    10 * MINUTES,
  );
});
