import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  agentIdSchema,
  chatRequestSchema,
  RUN_MODES,
  startRequestSchema,
  type DockerState,
  type StoreState,
} from '@mooring/protocol';
import type { Logger } from '@mooring/runners';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import type { RunManager } from '../runs/run-manager';
import { ApiError } from './api-error';
import { isAllowedOrigin } from './origin-policy';

export type AppOptions = {
  runs: RunManager;
  logger: Logger;
  webDir: string;
  allowedOrigins(): readonly string[];
  dockerState(): DockerState;
  storeState(): StoreState;
};

/** The command API under `/api`, and the built web UI for every other path. */
export function createApp(options: AppOptions): Hono {
  const { runs, logger } = options;
  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const line = { method: c.req.method, path: c.req.path, status: c.res.status, ms };
    // The page's own files are many per load and say nothing an API call does not.
    const level = c.req.path.startsWith('/api/') || c.res.status >= 400 ? 'info' : 'debug';
    logger[level](line, 'request');
  });
  app.use('/api/*', cors({ origin: (origin) => (allowed(origin) ? origin : null) }));
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !allowed(origin)) {
      return c.json(
        { error: { code: 'bad_request', message: `origin ${origin} is not allowed` } },
        403,
      );
    }
    return next();
  });

  app.get('/api/health', (c) =>
    c.json({ ok: true, docker: options.dockerState(), store: options.storeState() }),
  );
  app.get('/api/agents', (c) => c.json({ agents: runs.list() }));
  app.get('/api/agents/:id', (c) => c.json(runs.view(agentId(c))));
  app.post('/api/agents/:id/start', async (c) => {
    const id = agentId(c);
    const body = parse(startRequestSchema, await jsonBody(c), 'invalid_mode');
    return c.json({ run: await runs.start(id, body.mode) }, 202);
  });
  app.get('/api/agents/:id/runs', (c) => c.json({ runs: runs.runsOf(agentId(c)) }));
  app.post('/api/agents/:id/stop', async (c) => c.json({ agent: await runs.stop(agentId(c)) }));
  app.post('/api/agents/:id/chat', async (c) => {
    const id = agentId(c);
    const body = parse(chatRequestSchema, await jsonBody(c), 'bad_request');
    return c.json(await runs.chat(id, body.message));
  });
  app.get('/api/runs/:runId', (c) => c.json(runs.history(c.req.param('runId'))));
  app.all('/api/*', () => {
    throw new ApiError('route_not_found', 'no such API route; see the README for the API');
  });

  if (existsSync(options.webDir)) {
    app.use('/*', serveStatic({ root: path.relative(process.cwd(), options.webDir) }));
  } else {
    app.get('/', (c) => c.text('The web UI is not built yet: run `npm run build`.', 503));
  }

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.json(
      { error: { code: 'internal', message: 'internal error; see the server log' } },
      500,
    );
  });
  return app;

  function allowed(origin: string): boolean {
    return isAllowedOrigin(origin, options.allowedOrigins());
  }
}

function agentId(c: Context): string {
  const raw = c.req.param('id') ?? '';
  const parsed = agentIdSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(
      'invalid_agent_id',
      `invalid agent id ${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError('bad_request', 'the request body must be JSON');
  }
}

function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  code: 'invalid_mode' | 'bad_request',
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'body';
  if (code === 'invalid_mode' && where === 'mode') {
    throw new ApiError('invalid_mode', `mode must be one of ${RUN_MODES.join(', ')}`, {
      allowed: RUN_MODES,
    });
  }
  throw new ApiError('bad_request', `${where}: ${issue?.message ?? 'invalid'}`);
}
