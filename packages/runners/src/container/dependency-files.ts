/** How a generated image installs the agent's own Python dependencies. */
export type DependencyPlan =
  | { kind: 'none' }
  | { kind: 'requirements'; file: string; needsSource: boolean }
  | { kind: 'pyproject'; file: string };

const LOCAL_REFERENCE = /^(-e|--editable|-r|--requirement|-c|--constraint)\b|^[./]|file:/;

/**
 * Picks `requirements.txt` over `pyproject.toml`. A requirements file that refers to local paths
 * (`-e .`, `-r other.txt`, `./pkg`) can only be installed once the source is in the image, so it
 * loses the separate dependency layer; everything else is installed before the source is copied.
 */
export function dependencyPlan(
  projectFiles: ReadonlySet<string>,
  requirementsText: string | undefined,
): DependencyPlan {
  if (projectFiles.has('requirements.txt')) {
    const needsSource = (requirementsText ?? '')
      .split('\n')
      .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
      .some((line) => LOCAL_REFERENCE.test(line));
    return { kind: 'requirements', file: 'requirements.txt', needsSource };
  }
  if (projectFiles.has('pyproject.toml')) return { kind: 'pyproject', file: 'pyproject.toml' };
  return { kind: 'none' };
}
