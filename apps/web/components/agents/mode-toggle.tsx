import { RUN_MODES, type DockerState, type RunMode } from '@mooring/protocol';

type ModeToggleProps = {
  agentId: string;
  value: RunMode;
  onChange: (mode: RunMode) => void;
  /** True while the agent runs: the mode of a live run cannot change. */
  locked: boolean;
  docker: DockerState;
};

const segment =
  'relative flex h-6 items-center px-2.5 font-mono text-2xs text-dim transition-colors ' +
  'has-checked:bg-accent-strong/25 has-checked:text-sky-100 has-enabled:hover:text-fg ' +
  'has-disabled:cursor-not-allowed has-[:disabled:not(:checked)]:opacity-40 ' +
  'has-focus-visible:ring-1 ' +
  'has-focus-visible:ring-accent';

function unavailableReason(mode: RunMode, docker: DockerState): string | null {
  if (mode !== 'container' || docker.available) return null;
  return `Docker unavailable: ${docker.reason ?? 'no daemon found'}`;
}

/** The venv | container switch on each card; a radio group so it reads as one choice. */
export function ModeToggle({ agentId, value, onChange, locked, docker }: ModeToggleProps) {
  return (
    <div
      role="radiogroup"
      aria-label="Run mode"
      data-testid="mode-toggle"
      className="inline-flex overflow-hidden rounded-md border border-line-strong bg-canvas"
    >
      {RUN_MODES.map((mode) => {
        const reason = unavailableReason(mode, docker);
        const title = locked ? 'The mode of a running agent cannot change' : (reason ?? undefined);
        return (
          <label key={mode} className={`${segment} not-first:border-l not-first:border-line`}>
            <input
              type="radio"
              name={`mode-${agentId}`}
              value={mode}
              checked={value === mode}
              disabled={locked || reason !== null}
              onChange={() => onChange(mode)}
              title={title}
              className="absolute inset-0 cursor-pointer appearance-none opacity-0
                disabled:cursor-not-allowed"
            />
            {mode}
          </label>
        );
      })}
    </div>
  );
}
