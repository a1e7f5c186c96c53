/** Fixed names inside a staged build context. */
export const BUILD_CONTEXT = {
  /** The agent host package, installed by every image Mooring builds. */
  hostDir: '.mooring-host',
  /** The Dockerfile the daemon is told to use: generated, or the agent's own plus a tail. */
  dockerfile: '.mooring.Dockerfile',
  /** Where a generated build puts the agent's project, so it can be copied without the rest. */
  generatedProjectDir: 'agent',
} as const;

/**
 * How the agent's project sits in the context. A generated Dockerfile gets it in a subfolder; an
 * agent's own Dockerfile gets it at the root, exactly as `docker build` in its folder would.
 */
export type ContextLayout = { kind: 'generated' | 'own'; projectPrefix: string };

export const GENERATED_LAYOUT: ContextLayout = {
  kind: 'generated',
  projectPrefix: `${BUILD_CONTEXT.generatedProjectDir}/`,
};

export const OWN_DOCKERFILE_LAYOUT: ContextLayout = { kind: 'own', projectPrefix: '' };
