import { isActive, type AgentView, type DockerState, type RunMode } from '@mooring/protocol';
import { OFFLINE_REASON } from '../../lib/hooks/use-offline';
import type { PendingCommand } from '../../lib/store/mooring-store';
import { Button } from '../ui/button';
import { ModeToggle } from './mode-toggle';

type CardControlsProps = {
  agent: AgentView;
  docker: DockerState;
  mode: RunMode;
  pending: PendingCommand | null;
  /** The hub link is down: Start and Stop wait for it. */
  offline: boolean;
  onModeChange: (mode: RunMode) => void;
  onStart: () => void;
  onStop: () => void;
};

/** The mode toggle with Start and Stop; clicks here do not also select the card. */
export function CardControls(props: CardControlsProps) {
  const { agent, docker, mode, pending, offline, ...on } = props;
  const active = isActive(agent.status);
  const canStop = active && agent.status !== 'stopping' && pending !== 'stop';
  const title = offline ? OFFLINE_REASON : undefined;

  return (
    <div className="flex items-center gap-2" onClick={(event) => event.stopPropagation()}>
      <ModeToggle
        agentId={agent.id}
        value={mode}
        locked={active}
        docker={docker}
        onChange={on.onModeChange}
      />
      <div className="ml-auto flex gap-1.5">
        <Button
          tone="primary"
          disabled={active || pending !== null || offline}
          aria-busy={pending === 'start'}
          title={title}
          onClick={on.onStart}
        >
          Start
        </Button>
        <Button tone="danger" disabled={!canStop || offline} title={title} onClick={on.onStop}>
          Stop
        </Button>
      </div>
    </div>
  );
}
