import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import type { RunContext, RunnerSettings } from '../agent-runner';
import { buildImage } from './build-image';
import {
  BUILD_CONTEXT,
  GENERATED_LAYOUT,
  OWN_DOCKERFILE_LAYOUT,
  type ContextLayout,
} from './build-context-layout';
import { contextHash } from './context-hash';
import { dependencyPlan } from './dependency-files';
import { emitLog } from './emit-log';
import { generateDockerfile } from './generated-dockerfile';
import { imageId } from './image-id';
import { agentPlacement, type AgentPlacement } from './image-layout';
import { imageTag } from './image-tag';
import { imageLabels } from './labels';
import { extendOwnDockerfile } from './own-dockerfile';
import { pruneOldImages } from './prune-images';
import { stageBuildContext } from './stage-build-context';

export type PrepareImageInput = {
  docker: Docker;
  context: RunContext;
  settings: RunnerSettings;
  signal: AbortSignal;
};

type Recipe = { dockerfile: string; hashExtras: string[] };

/**
 * Makes sure the agent's image exists and returns its tag. The tag is a hash of everything that
 * goes into the image, so an unchanged agent reuses its image without a build and a changed one
 * gets a new one. The build context is staged under the data folder and removed afterwards.
 */
export async function prepareImage(input: PrepareImageInput): Promise<string> {
  const { context, settings } = input;
  const { agent } = context;
  const placement = agentPlacement(agent);
  const ownDockerfile = await readOptional(path.join(agent.projectDir, 'Dockerfile'));
  const layout = ownDockerfile === undefined ? GENERATED_LAYOUT : OWN_DOCKERFILE_LAYOUT;
  const contextDir = path.join(settings.dataDir, 'build-contexts', context.runId);

  try {
    const files = await stageBuildContext({
      projectDir: agent.projectDir,
      agentHostDir: settings.agentHostDir,
      destDir: contextDir,
      layout,
    });
    const recipe =
      ownDockerfile === undefined
        ? await generatedRecipe(input, placement, files, contextDir)
        : ownRecipe(ownDockerfile, placement);
    await writeFile(path.join(contextDir, BUILD_CONTEXT.dockerfile), recipe.dockerfile);

    const tag = imageTag(agent.id, await contextHash(contextDir, files, recipe.hashExtras));
    if ((await imageId(input.docker, tag)) !== undefined) {
      report(context, `image reused: ${tag}`);
      context.logger.info({ imageTag: tag }, 'image reused');
      return tag;
    }
    await build(input, layout, contextDir, tag);
    await pruneOldImages(input.docker, agent.id, tag, context.logger).catch((error: unknown) => {
      context.logger.warn({ err: error }, 'could not look for old agent images');
    });
    return tag;
  } finally {
    await rm(contextDir, { recursive: true, force: true });
  }
}

async function generatedRecipe(
  input: PrepareImageInput,
  placement: AgentPlacement,
  files: readonly string[],
  contextDir: string,
): Promise<Recipe> {
  const { baseImage } = input.settings.container;
  const prefix = GENERATED_LAYOUT.projectPrefix;
  const projectFiles = new Set(
    files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)),
  );
  const requirements = await readOptional(path.join(contextDir, prefix, 'requirements.txt'));
  const dockerfile = generateDockerfile({
    agentId: input.context.agent.id,
    baseImage,
    placement,
    dependencies: dependencyPlan(projectFiles, requirements),
  });
  const baseId = await imageId(input.docker, baseImage);
  if (!baseId) {
    report(input.context, `base image ${baseImage} is not present; the daemon will try to pull it`);
  }
  return { dockerfile, hashExtras: [baseImage, baseId ?? 'absent', dockerfile] };
}

function ownRecipe(ownDockerfile: string, placement: AgentPlacement): Recipe {
  const dockerfile = extendOwnDockerfile(ownDockerfile, placement);
  return { dockerfile, hashExtras: [dockerfile] };
}

async function build(
  input: PrepareImageInput,
  layout: ContextLayout,
  contextDir: string,
  tag: string,
): Promise<void> {
  const { context } = input;
  const source = layout.kind === 'own' ? "the agent's Dockerfile" : 'a generated Dockerfile';
  report(context, `building ${tag} from ${source}`);
  const started = Date.now();
  await buildImage(input.docker, {
    contextDir,
    dockerfile: BUILD_CONTEXT.dockerfile,
    tag,
    labels: imageLabels(context.agent.id),
    ...(layout.kind === 'own' ? {} : { baseImage: input.settings.container.baseImage }),
    signal: input.signal,
    onLine: (line) => emitLog(context, 'build', line),
    onStep: ({ current, total }) =>
      context.onMessage({
        type: 'progress',
        progress: {
          step: 'build',
          label: `Building image (step ${current} of ${total})`,
          current,
          total,
        },
      }),
  });
  context.logger.info({ imageTag: tag, ms: Date.now() - started }, 'image built');
}

function report(context: RunContext, line: string): void {
  emitLog(context, 'system', line);
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
