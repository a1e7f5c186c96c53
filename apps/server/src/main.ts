import pino from 'pino';
import { dockerState } from '@mooring/runners';
import { loadConfig } from './config/config';
import { startServer } from './server';
import { DataDirInUseError } from './store/data-dir-lock';

// Read by a person by default, also through turbo's pipe; JSON lines for a log collector.
const pretty = process.env.MOORING_LOG_FORMAT !== 'json';
const logger = pino({
  level: process.env.MOORING_LOG_LEVEL ?? 'info',
  ...(pretty
    ? {
        transport: {
          target: 'pino-pretty',
          options: { ignore: 'pid,hostname', singleLine: true, translateTime: 'SYS:HH:MM:ss' },
        },
      }
    : {}),
});

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config, {
    logger,
    dockerProbe: () => dockerState(),
  }).catch((error: unknown) => {
    if (error instanceof DataDirInUseError) {
      process.stderr.write(
        `\n  ${error.message}.\n  Open it there, stop it first, or give this one its own ` +
          'folder, e.g. MOORING_DATA_DIR=.mooring-2 MOORING_PORT=4200 npm start\n\n',
      );
      process.exit(1);
    }
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    process.stderr.write(
      `\n  Port ${config.port} on ${config.host} is in use by another program.\n` +
        '  Set MOORING_PORT to another port, e.g. MOORING_PORT=4200 npm start\n\n',
    );
    process.exit(1);
  });
  const agents = server.runs.list();
  const lines = agents.map((agent) => `    ${agent.id.padEnd(28)} ${agent.root}/${agent.path}`);
  process.stdout.write(
    `\n  Mooring is running at ${server.url}\n\n  ${agents.length} agent(s) found:\n` +
      `${lines.join('\n') || '    (none: add agents under the configured roots)'}\n\n` +
      `  Container mode builds on ${config.container.baseImage} ` +
      '(set with MOORING_BASE_IMAGE or container.baseImage).\n  Stop with Ctrl-C.\n\n',
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      (kept) => {
        if (kept.length > 0) {
          process.stdout.write(
            `\n  Left running in containers, for the next start to adopt: ${kept.join(', ')}\n`,
          );
        }
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Mooring could not start');
  process.exit(1);
});
