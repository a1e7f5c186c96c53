import type { EventKind } from '../../lib/events/summarize-envelope';

const labels: Record<EventKind, string> = {
  user: 'user',
  text: 'text',
  thought: 'thought',
  'function-call': 'call',
  'function-response': 'resp',
  error: 'error',
  ready: 'ready',
  'run-finished': 'done',
  other: 'event',
};

const tones: Record<EventKind, string> = {
  user: 'text-fuchsia-300',
  text: 'text-sky-300',
  thought: 'text-indigo-300',
  'function-call': 'text-amber-300',
  'function-response': 'text-lime-300',
  error: 'text-red-300',
  ready: 'text-emerald-300',
  'run-finished': 'text-teal-300',
  other: 'text-faint',
};

/** A fixed-width word naming what kind of envelope a row shows. */
export function EventKindTag({ kind, partial }: { kind: EventKind; partial: boolean }) {
  return (
    <span className={`w-10 shrink-0 ${tones[kind]}`}>
      {labels[kind]}
      {partial && <span className="text-faint">…</span>}
    </span>
  );
}
