import { createHash } from 'node:crypto';
import { lstat, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * A digest of a staged build context: every file's path and bytes (a link's target), in sorted
 * path order, followed by the extra texts (base image, generated Dockerfile). Timestamps and
 * permissions are left out, so copying the same agent twice gives the same digest.
 */
export async function contextHash(
  contextDir: string,
  files: readonly string[],
  extras: readonly string[],
): Promise<string> {
  const hash = createHash('sha256');
  for (const rel of [...files].sort()) {
    const file = path.join(contextDir, rel);
    const stats = await lstat(file);
    hash.update(`${stats.isSymbolicLink() ? 'link' : 'file'}\0${rel}\0`);
    hash.update(stats.isSymbolicLink() ? await readlink(file) : await readFile(file));
    hash.update('\0');
  }
  for (const extra of extras) hash.update(`extra\0${extra}\0`);
  return hash.digest('hex');
}
