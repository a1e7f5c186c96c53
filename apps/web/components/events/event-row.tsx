import type { Envelope } from '@mooring/protocol';
import { memo, useEffect, useRef, useState } from 'react';
import { formatClock } from '../../lib/format/timestamp';
import { summarizeEnvelope } from '../../lib/events/summarize-envelope';
import { EventKindTag } from './event-kind-tag';

const rowBase =
  'flex w-full min-w-0 items-baseline gap-2.5 px-3 py-[3px] text-left hover:bg-hover ' +
  'aria-expanded:bg-raised';

function summaryTone(error: boolean, partial: boolean): string {
  if (error) return 'text-red-300';
  return partial ? 'text-dim' : 'text-fg';
}

/** One envelope: a one-line summary that expands to the envelope's full JSON. */
export const EventRow = memo(function EventRow({ envelope }: { envelope: Envelope }) {
  const [open, setOpen] = useState(false);
  const row = useRef<HTMLDivElement>(null);
  // The newest rows sit at the panel's bottom edge; opened there, their JSON would be out of sight.
  useEffect(() => {
    if (open) row.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const { kind, author, summary, partial } = summarizeEnvelope(envelope);
  const error = kind === 'error';

  return (
    <div
      ref={row}
      data-testid="event-row"
      data-kind={kind}
      data-seq={envelope.seq}
      data-partial={partial}
      className={`border-l-2 ${error ? 'border-red-500/70 bg-red-500/5' : 'border-transparent'}`}
    >
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className={rowBase}>
        <span className="w-8 shrink-0 text-right text-2xs text-faint">{envelope.seq}</span>
        <span className="w-[80px] shrink-0 text-2xs text-faint">{formatClock(envelope.ts)}</span>
        <span className="w-32 shrink-0 truncate text-dim" title={author}>
          {author}
        </span>
        <EventKindTag kind={kind} partial={partial} />
        <span className={`min-w-0 flex-1 truncate ${summaryTone(error, partial)}`} title={summary}>
          {summary}
        </span>
      </button>
      {open && (
        <pre
          className="mx-3 mb-2 max-h-96 overflow-x-hidden overflow-y-auto rounded border
          border-line bg-canvas p-2 text-2xs leading-relaxed whitespace-pre-wrap text-dim
          wrap-anywhere"
        >
          {JSON.stringify(envelope, null, 2)}
        </pre>
      )}
    </div>
  );
});
