import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** One input to a content hash: a file on disk (absent files count as absent) or a literal. */
export type HashInput = { file: string } | { dir: string } | { text: string };

/**
 * A stable hex digest of everything that goes into an environment or image, so that an unchanged
 * agent is recognised and a changed one is not. Directory inputs are walked in sorted order and
 * skip caches, so the digest does not depend on bytecode left behind by earlier runs.
 */
export async function contentHash(inputs: readonly HashInput[]): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) {
    if ('text' in input) {
      hash.update(`text\0${input.text}\0`);
    } else if ('file' in input) {
      await hashFile(hash, input.file, path.basename(input.file));
    } else {
      for (const rel of await listFiles(input.dir)) {
        await hashFile(hash, path.join(input.dir, rel), rel);
      }
    }
  }
  return hash.digest('hex');
}

const SKIPPED_DIRS = new Set(['__pycache__', '.git', 'node_modules', '.venv', 'venv', 'build']);

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !isScratch(entry.name)) {
        files.push(...(await listFiles(dir, rel)));
      }
    } else if (entry.isFile() && !entry.name.endsWith('.pyc')) {
      files.push(rel);
    }
  }
  return files;
}

/** Tool caches and build metadata (`.pytest_cache`, `*.egg-info`) say nothing about content. */
function isScratch(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.egg-info');
}

async function hashFile(hash: ReturnType<typeof createHash>, file: string, name: string) {
  const exists = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  hash.update(`file\0${name}\0`);
  hash.update(exists ? await readFile(file) : '\0absent\0');
}
