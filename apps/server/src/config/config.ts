import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './repo-root';

const fileSchema = z
  .object({
    roots: z.array(z.string().min(1)).min(1).optional(),
    host: z.string().optional(),
    port: z.number().int().min(0).max(65535).optional(),
    dataDir: z.string().optional(),
    python: z.string().optional(),
    allowedOrigins: z.array(z.string()).optional(),
    agentEventPort: z.number().int().min(0).max(65535).optional(),
    stopContainersOnExit: z.boolean().optional(),
    startTimeoutSeconds: z.number().positive().optional(),
    retention: z
      .object({
        runsPerAgent: z.number().int().positive().optional(),
        maxAgeDays: z.number().positive().optional(),
      })
      .strict()
      .optional(),
    stopGraceSeconds: z.number().nonnegative().optional(),
    container: z
      .object({
        baseImage: z.string().optional(),
        memoryMb: z.number().int().positive().optional(),
        cpus: z.number().positive().optional(),
        pidsLimit: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    agents: z
      .record(z.string(), z.object({ env: z.record(z.string(), z.string()).optional() }).strict())
      .optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof fileSchema>;

/** Mooring's settings after the config file and the environment have been applied. */
export type Config = {
  roots: string[];
  host: string;
  port: number;
  dataDir: string;
  python: string;
  /** Mooring's own uv, installed by the setup script; the PATH is searched when it is absent. */
  uv: string;
  allowedOrigins: string[];
  /** Where containers send their events, on the Docker bridge; fixed so they can reconnect. */
  agentEventPort: number;
  /** Whether a clean shutdown also stops container runs, instead of leaving them to adopt. */
  stopContainersOnExit: boolean;
  startTimeoutMs: number;
  /** How many runs per agent, and for how long, the store keeps. */
  retention: { runsPerAgent: number; maxAgeDays: number };
  stopGraceMs: number;
  container: { baseImage: string; memoryBytes: number; nanoCpus: number; pidsLimit: number };
  agentEnv: Record<string, Record<string, string>>;
  webDir: string;
  agentHostDir: string;
};

export class ConfigError extends Error {
  readonly code = 'invalid_config';
}

/**
 * Reads `mooring.config.json` (or the file `MOORING_CONFIG` names), then lets environment
 * variables override single settings, so a one-off run needs no file edits.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env.MOORING_CONFIG ?? path.join(REPO_ROOT, 'mooring.config.json');
  const fromFile = readConfigFile(file, env.MOORING_CONFIG !== undefined);
  const base = path.dirname(path.resolve(file));
  const resolve = (p: string) => path.resolve(base, p);
  const roots = env.MOORING_ROOTS?.split(path.delimiter).filter(Boolean) ?? fromFile.roots;
  const rawPort = env.MOORING_PORT ?? env.PORT;
  const port = rawPort === undefined ? (fromFile.port ?? 4100) : parsePort(rawPort);
  // Beside the API's own port by default, so a second Mooring on another port needs one setting.
  const eventPort = port > 0 && port < 65535 ? port + 1 : 4101;
  return {
    roots: (roots ?? ['agents']).map(resolve),
    host: env.MOORING_HOST ?? fromFile.host ?? '127.0.0.1',
    port,
    dataDir: resolve(env.MOORING_DATA_DIR ?? fromFile.dataDir ?? '.mooring'),
    python: env.MOORING_PYTHON ?? fromFile.python ?? 'python3',
    uv: env.MOORING_UV ?? path.join(REPO_ROOT, '.mooring', 'tools', 'uv', 'bin', 'uv'),
    allowedOrigins: fromFile.allowedOrigins ?? ['http://127.0.0.1:3000', 'http://localhost:3000'],
    agentEventPort:
      numberFrom(env.MOORING_AGENT_EVENT_PORT) ?? fromFile.agentEventPort ?? eventPort,
    stopContainersOnExit: fromFile.stopContainersOnExit ?? false,
    startTimeoutMs: (fromFile.startTimeoutSeconds ?? 120) * 1000,
    retention: {
      runsPerAgent: fromFile.retention?.runsPerAgent ?? 20,
      maxAgeDays: fromFile.retention?.maxAgeDays ?? 30,
    },
    stopGraceMs: (fromFile.stopGraceSeconds ?? 5) * 1000,
    container: {
      baseImage: env.MOORING_BASE_IMAGE ?? fromFile.container?.baseImage ?? 'python:3.11-slim',
      memoryBytes: (fromFile.container?.memoryMb ?? 1024) * 1024 * 1024,
      nanoCpus: Math.round((fromFile.container?.cpus ?? 1) * 1e9),
      pidsLimit: fromFile.container?.pidsLimit ?? 256,
    },
    agentEnv: Object.fromEntries(
      Object.entries(fromFile.agents ?? {}).map(([id, agent]) => [id, agent.env ?? {}]),
    ),
    webDir: path.join(REPO_ROOT, 'apps/web/out'),
    agentHostDir: path.join(REPO_ROOT, 'packages/agent-host'),
  };
}

function readConfigFile(file: string, required: boolean): ConfigFile {
  if (!existsSync(file)) {
    if (required) throw new ConfigError(`config file ${file} does not exist`);
    return {};
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`config file ${file} is not valid JSON`, { cause: error });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`config file ${file} is invalid: ${issues.join('; ')}`);
  }
  return parsed.data;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`port ${value} is not a TCP port`);
  }
  return port;
}

function numberFrom(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parsePort(value);
}
