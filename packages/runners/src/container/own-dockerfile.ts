import { BUILD_CONTEXT } from './build-context-layout';
import { hostEntrypoint } from './host-entrypoint';
import { CONTAINER_PORT, IMAGE_PATHS, type AgentPlacement } from './image-layout';

const FROM_LINE = /^\s*FROM\s/i;
const USER_LINE = /^\s*USER\s+(\S+)/i;

/**
 * Extends an agent's own Dockerfile so its final stage also runs the agent host. The agent's file
 * decides the environment: base image, system packages, Python dependencies, its user. Mooring
 * appends, to that final stage: the host installed with the `python3` on `PATH` (which must have
 * pip), a copy of the project at a known place, the user the file last chose, and the entrypoint.
 * One build, one image; the agent's own `CMD` and `ENTRYPOINT` are replaced.
 */
export function extendOwnDockerfile(own: string, placement: AgentPlacement): string {
  const user = finalStageUser(own);
  const target = placement.projectPath;
  const chown = user ? `--chown=${user} ` : '';
  return [
    own.replace(/\s+$/, ''),
    '',
    '# Added by Mooring: the agent host, the agent at a known place, and the entrypoint.',
    'USER root',
    `COPY ${BUILD_CONTEXT.hostDir} ${IMAGE_PATHS.host}`,
    'RUN PIP_BREAK_SYSTEM_PACKAGES=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \\',
    `    python3 -m pip install --no-cache-dir ${IMAGE_PATHS.host}`,
    `COPY ${chown}. ${target}/`,
    `RUN rm -rf ${target}/${BUILD_CONTEXT.hostDir} ${target}/${BUILD_CONTEXT.dockerfile}`,
    ...(user ? [`USER ${user}`] : []),
    `WORKDIR ${target}`,
    'ENV PYTHONUNBUFFERED=1',
    `EXPOSE ${CONTAINER_PORT}`,
    hostEntrypoint(placement),
    'CMD []',
    '',
  ].join('\n');
}

/** The last `USER` of the last stage, if any; the build expands any `ARG` in it. */
export function finalStageUser(dockerfile: string): string | undefined {
  let user: string | undefined;
  for (const line of dockerfile.split(/\r?\n/)) {
    if (FROM_LINE.test(line)) user = undefined;
    const match = USER_LINE.exec(line);
    if (match?.[1]) user = match[1];
  }
  return user;
}
