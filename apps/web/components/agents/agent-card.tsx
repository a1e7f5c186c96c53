import {
  isActive,
  type AgentView,
  type DockerState,
  type Progress,
  type RunMode,
} from '@mooring/protocol';
import type { PendingCommand } from '../../lib/store/mooring-store';
import { CardControls } from './card-controls';
import { ModeBadge } from './mode-badge';
import { RunProblem } from './run-problem';
import { RunProgress } from './run-progress';
import { StatusBadge } from './status-badge';

export type AgentCardProps = {
  agent: AgentView;
  docker: DockerState;
  /** The mode the toggle shows, the one Start runs. */
  mode: RunMode;
  selected: boolean;
  pending: PendingCommand | null;
  /** The hub link is down: commands wait for it. */
  offline: boolean;
  error: string | null;
  progress: Progress | null;
  onSelect: (agentId: string) => void;
  onModeChange: (agentId: string, mode: RunMode) => void;
  onStart: (agentId: string) => void;
  onStop: (agentId: string) => void;
};

// min-w-0: a long path in a reason or an error must wrap inside the card, not widen it.
const frame =
  'group relative flex min-w-0 cursor-pointer flex-col gap-2 rounded-lg border p-3 ' +
  'transition-colors';
const selectedFrame =
  'border-accent-strong/60 bg-raised shadow-[inset_2px_0_0_var(--color-accent)]';
const idleFrame = 'border-line bg-panel hover:border-line-strong hover:bg-raised/60';

function DockerNote({ docker }: { docker: DockerState }) {
  if (docker.available) return null;
  return (
    <p data-testid="docker-note" className="text-2xs text-faint">
      container mode off: Docker unavailable ({docker.reason ?? 'no daemon found'})
    </p>
  );
}

/** One agent in the sidebar: what it is, how it runs, and the controls to run it. */
export function AgentCard(props: AgentCardProps) {
  const { agent, docker, mode, selected, pending, error, progress } = props;
  const active = isActive(agent.status);
  const showProgress = progress && (agent.status === 'preparing' || agent.status === 'starting');
  const live = agent.status === 'running' || agent.status === 'stopping';

  return (
    <article
      data-testid={`agent-card-${agent.id}`}
      data-selected={selected}
      aria-label={agent.name}
      onClick={() => props.onSelect(agent.id)}
      className={`${frame} ${selected ? selectedFrame : idleFrame}`}
    >
      <div className="flex min-w-0 items-start gap-2">
        <button
          type="button"
          aria-current={selected}
          onClick={() => props.onSelect(agent.id)}
          className="min-w-0 flex-1 truncate text-left font-mono text-[13px] font-semibold"
          title={agent.path}
        >
          {agent.name}
        </button>
        <StatusBadge status={agent.status} exitCode={agent.run?.exitCode} />
      </div>

      {agent.description && (
        <p className="line-clamp-2 text-xs text-dim" title={agent.description}>
          {agent.description}
        </p>
      )}

      <CardControls
        agent={agent}
        docker={docker}
        mode={mode}
        pending={pending}
        offline={props.offline}
        onModeChange={(next) => props.onModeChange(agent.id, next)}
        onStart={() => props.onStart(agent.id)}
        onStop={() => props.onStop(agent.id)}
      />

      {showProgress && <RunProgress progress={progress} />}
      {live && agent.run && (
        <div className="flex min-w-0">
          <ModeBadge run={agent.run} />
        </div>
      )}
      <RunProblem agent={agent} />
      {error && (
        <p role="alert" data-testid="card-error" className="text-2xs wrap-anywhere text-red-300">
          {error}
        </p>
      )}
      {!active && <DockerNote docker={docker} />}
    </article>
  );
}
