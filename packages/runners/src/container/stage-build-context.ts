import { copyFile, lstat, mkdir, readFile, readdir, readlink, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';
import { BUILD_CONTEXT, type ContextLayout } from './build-context-layout';

/** Never sent to the daemon, whatever `.dockerignore` says: secrets, environments, caches. */
const ALWAYS_EXCLUDED = [
  '.env',
  '.env.*',
  '.venv/',
  'venv/',
  '__pycache__/',
  '*.pyc',
  '.git/',
  'node_modules/',
  '.dockerignore',
  `${BUILD_CONTEXT.hostDir}/`,
  BUILD_CONTEXT.dockerfile,
];

/** The agent host's own development leftovers, which must not change its image layer. */
const HOST_EXCLUDED = [
  ...ALWAYS_EXCLUDED,
  'tests/',
  'build/',
  'dist/',
  '*.egg-info/',
  '.pytest_cache/',
  '.ruff_cache/',
  '.mypy_cache/',
  'package.json',
];

const hostIgnore = ignore().add(HOST_EXCLUDED);

/** Whether a project-relative POSIX path (folders end in `/`) stays out of the context. */
type Exclude = (rel: string) => boolean;

export type StageRequest = {
  projectDir: string;
  agentHostDir: string;
  /** Emptied first; the caller removes it after the build. */
  destDir: string;
  layout: ContextLayout;
};

/**
 * Copies what an image build needs into a fresh folder: the agent's project, filtered by its
 * `.dockerignore` and by {@link ALWAYS_EXCLUDED}, and the agent host package. `.dockerignore` is
 * read with gitignore rules (the `ignore` package): an unanchored name matches at any depth,
 * where Docker would match it only at the root. Folders holding a `pyvenv.cfg` are environments
 * and are skipped whatever their name. Symbolic links are copied as links, never followed out of
 * the project. Returns the staged files' context-relative POSIX paths, sorted, for the hash.
 */
export async function stageBuildContext(request: StageRequest): Promise<string[]> {
  const { projectDir, agentHostDir, destDir, layout } = request;
  await rm(destDir, { recursive: true, force: true });
  await mkdir(destDir, { recursive: true });

  // Two rule sets, so that no `!` line in a `.dockerignore` can bring a `.env` back.
  const always = ignore().add(ALWAYS_EXCLUDED);
  const own = ignore().add(await readDockerignore(projectDir));
  const projectRules: Exclude = (rel) => always.ignores(rel) || own.ignores(rel);
  const hostRules: Exclude = (rel) => hostIgnore.ignores(rel);
  const files = [
    ...(await copyTree(projectDir, destDir, layout.projectPrefix, projectRules)),
    ...(await copyTree(agentHostDir, destDir, `${BUILD_CONTEXT.hostDir}/`, hostRules)),
  ];
  return files.sort();
}

async function readDockerignore(projectDir: string): Promise<string> {
  try {
    return await readFile(path.join(projectDir, '.dockerignore'), 'utf8');
  } catch {
    return '';
  }
}

/** Copies `srcRoot` to `destDir/prefix`; returns what it copied as `prefix`-relative paths. */
async function copyTree(
  srcRoot: string,
  destDir: string,
  prefix: string,
  excluded: Exclude,
): Promise<string[]> {
  const staged: string[] = [];
  await mkdir(path.join(destDir, prefix), { recursive: true });
  await walk('');
  return staged;

  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(srcRoot, rel), { withFileTypes: true });
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const src = path.join(srcRoot, childRel);
      const dest = path.join(destDir, prefix, childRel);
      if (entry.isDirectory()) {
        if (excluded(`${childRel}/`) || (await isVirtualEnv(src))) continue;
        await mkdir(dest, { recursive: true });
        await walk(childRel);
        continue;
      }
      if (excluded(childRel)) continue;
      if (entry.isSymbolicLink()) await symlink(await readlink(src), dest);
      else if (entry.isFile()) await copyFile(src, dest);
      else continue;
      staged.push(`${prefix}${childRel}`);
    }
  }
}

async function isVirtualEnv(dir: string): Promise<boolean> {
  return lstat(path.join(dir, 'pyvenv.cfg')).then(
    (s) => s.isFile(),
    () => false,
  );
}
