import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'dotenv';
import type { AgentSpec } from '../agent-spec';

export type RunVariables = { runId: string; secret: string; eventUrl: string };

/**
 * The container's environment: the agent's `.env`, then its configured variables, then what the
 * host needs for this run. Passed when the container is created, so no secret is in the image.
 *
 * The `.env` is read with dotenv's rules, which differ from python-dotenv's (venv mode) in two
 * ways: `${OTHER}` is not expanded, and an unquoted value ends at its first `#`. Quoting such a
 * value gives the same result in both modes.
 */
export async function containerEnv(
  agent: AgentSpec,
  run: RunVariables,
): Promise<Record<string, string>> {
  return {
    ...(await readDotenv(agent.projectDir)),
    ...agent.env,
    MOORING_RUN_ID: run.runId,
    MOORING_RUN_SECRET: run.secret,
    MOORING_EVENT_URL: run.eventUrl,
  };
}

async function readDotenv(projectDir: string): Promise<Record<string, string>> {
  try {
    return parse(await readFile(path.join(projectDir, '.env'), 'utf8'));
  } catch (error) {
    if (isMissing(error)) return {};
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
