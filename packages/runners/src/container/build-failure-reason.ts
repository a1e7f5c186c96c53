import { summarizeFailure } from '../shared/failure-summary';

export type BuildFailure = {
  /** What the builder said when it gave up, e.g. "The command ... returned a non-zero code: 2". */
  error: string;
  /** The build's output before that. */
  lines: readonly string[];
  /** The configured base image, when the Dockerfile is Mooring's: then the advice applies. */
  baseImage?: string | undefined;
};

/** What `scripts/base-image/build.sh` builds, from Debian packages, with no registry. */
const LOCAL_BASE_IMAGE = 'mooring/python-base:bookworm';
const BUILD_SCRIPT = 'bash scripts/base-image/build.sh';

const STEP = /^Step \d+\/\d+ : (.*)$/;
const FROM = /^FROM\s+(?:--platform=\S+\s+)?(\S+)/i;

/**
 * The reason for a failed image build, cause first: the line of the output that says what went
 * wrong, then the builder's verdict and the output's last lines. A build that fails on its FROM
 * step could not pull the base image, which on a machine without a registry is the usual first
 * failure; its reason says what to do instead, in its first line, and the pull error once.
 */
export function buildFailureReason(failure: BuildFailure): string {
  const { error, lines } = failure;
  const image = failedFrom(lines);
  if (image !== undefined) return [pullHeadline(image, failure.baseImage), error].join('\n');

  const { cause, tail } = summarizeFailure(lines);
  const verdict = cause === undefined ? [] : [error];
  return [`the image build failed: ${cause ?? error}`, ...verdict, ...tail].join('\n');
}

/** The image of the FROM step the build stopped at, or undefined when it got further. */
function failedFrom(lines: readonly string[]): string | undefined {
  const step = lines.map((line) => STEP.exec(line.trim())?.[1]).findLast(Boolean);
  return step === undefined ? undefined : FROM.exec(step)?.[1];
}

function pullHeadline(image: string, baseImage: string | undefined): string {
  if (image !== baseImage) {
    return (
      `the image build could not pull ${image}, the base image the agent's Dockerfile names: ` +
      'make it available to the Docker daemon or build FROM an image it has'
    );
  }
  if (image === LOCAL_BASE_IMAGE) {
    return (
      `the base image ${image} is not built yet and no registry has it: build it with ` +
      `${BUILD_SCRIPT}, then start the agent again`
    );
  }
  return (
    `the base image ${image} could not be pulled: build a local one with ${BUILD_SCRIPT}, set ` +
    `MOORING_BASE_IMAGE=${LOCAL_BASE_IMAGE} (or container.baseImage in mooring.config.json) ` +
    'and restart Mooring'
  );
}
