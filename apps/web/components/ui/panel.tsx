import type { ReactNode } from 'react';

type PanelProps = {
  title: string;
  /** Shown next to the title, e.g. the number of rows. */
  meta?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  dataCount?: number;
  /** The run the panel shows, for tests and for telling runs apart. */
  dataRunId?: string | undefined;
};

/** A framed section with a one-line header and a body that fills the rest of its height. */
export function Panel({ title, meta, actions, children, className = '', ...data }: PanelProps) {
  return (
    <section
      aria-label={title}
      data-testid={data.testId}
      data-count={data.dataCount}
      data-run-id={data.dataRunId}
      className={`flex min-h-0 min-w-0 flex-col overflow-hidden bg-panel ${className}`}
    >
      <header className="flex h-8 shrink-0 items-center gap-2 border-b border-line px-3">
        <h2 className="text-2xs font-semibold tracking-wider text-dim uppercase">{title}</h2>
        {meta !== undefined && <span className="font-mono text-2xs text-faint">{meta}</span>}
        <div className="ml-auto flex items-center gap-1.5">{actions}</div>
      </header>
      <div className="relative flex min-h-0 flex-1 flex-col">{children}</div>
    </section>
  );
}
