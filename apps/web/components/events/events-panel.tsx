'use client';

import type { Envelope } from '@mooring/protocol';
import { useMemo, useState } from 'react';
import { useStickToBottom } from '../../lib/hooks/use-stick-to-bottom';
import { useMooringStore } from '../../lib/store/mooring-store';
import { JumpToLatest } from '../ui/jump-to-latest';
import { Panel } from '../ui/panel';
import { ToggleChip } from '../ui/toggle-chip';
import { EventRow } from './event-row';

const NONE: readonly Envelope[] = [];

const isPartial = (envelope: Envelope): boolean =>
  envelope.kind === 'event' && envelope.event.partial === true;

/** Every envelope of the run, oldest first, following new ones unless the user scrolled up. */
export function EventsPanel({ runId }: { runId: string | null }) {
  const envelopes = useMooringStore((state) => (runId && state.runs[runId]?.envelopes) || NONE);
  const [showPartial, setShowPartial] = useState(true);
  const shown = useMemo(
    () => (showPartial ? envelopes : envelopes.filter((envelope) => !isPartial(envelope))),
    [envelopes, showPartial],
  );
  const { ref, stuck, onScroll, scrollToBottom } = useStickToBottom(shown);
  const count = envelopes.length;
  const meta = shown.length === count ? count : `${shown.length} of ${count}`;
  const toggle = (
    <ToggleChip label="partial chunks" checked={showPartial} onChange={setShowPartial} />
  );

  return (
    <Panel
      title="Events"
      meta={meta}
      actions={toggle}
      testId="events-panel"
      dataCount={count}
      dataRunId={runId ?? undefined}
    >
      <div
        ref={ref}
        onScroll={onScroll}
        className="min-h-0 flex-1 overflow-y-auto py-1 font-mono text-xs"
      >
        {count === 0 && (
          <p className="px-3 py-4 font-sans text-faint">
            ADK events appear here as the agent produces them.
          </p>
        )}
        {shown.map((envelope) => (
          <EventRow key={envelope.seq} envelope={envelope} />
        ))}
      </div>
      {!stuck && <JumpToLatest onClick={scrollToBottom} />}
    </Panel>
  );
}
