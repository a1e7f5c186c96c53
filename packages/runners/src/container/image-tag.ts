/** The repository every Mooring-built agent image lives under. */
export const IMAGE_NAMESPACE = 'mooring';

const TAG_HASH_LENGTH = 12;
const MAX_NAME_LENGTH = 120;

/**
 * Makes a Docker repository path component out of an agent id: lowercase letters and digits,
 * separated by a single `.` or `_`, a double `_`, or dashes, as the reference grammar requires.
 */
export function imageNameComponent(agentId: string): string {
  const name = agentId
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, (run) => (run === '__' || /^-+$/.test(run) ? run : '-'))
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[._-]+$/, '');
  return name || 'agent';
}

/** `mooring/<agent>:<first 12 hex of the context hash>`. */
export function imageTag(agentId: string, hash: string): string {
  return `${IMAGE_NAMESPACE}/${imageNameComponent(agentId)}:${hash.slice(0, TAG_HASH_LENGTH)}`;
}
