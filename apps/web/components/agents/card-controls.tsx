import { isActive, type AgentView, type DockerState, type RunMode } from '@mooring/protocol';
import type { PendingCommand } from '../../lib/store/mooring-store';
import { Button } from '../ui/button';
import { ModeToggle } from './mode-toggle';

type CardControlsProps = {
  agent: AgentView;
  docker: DockerState;
  mode: RunMode;
  pending: PendingCommand | null;
  onModeChange: (mode: RunMode) => void;
  onStart: () => void;
  onStop: () => void;
};

/** The mode toggle with Start and Stop; clicks here do not also select the card. */
export function CardControls({ agent, docker, mode, pending, ...on }: CardControlsProps) {
  const active = isActive(agent.status);
  const canStop = active && agent.status !== 'stopping' && pending !== 'stop';

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
          disabled={active || pending !== null}
          aria-busy={pending === 'start'}
          onClick={on.onStart}
        >
          Start
        </Button>
        <Button tone="danger" disabled={!canStop} onClick={on.onStop}>
          Stop
        </Button>
      </div>
    </div>
  );
}
