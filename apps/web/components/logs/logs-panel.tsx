'use client';

import type { LogLine } from '@mooring/protocol';
import { useStickToBottom } from '../../lib/hooks/use-stick-to-bottom';
import { MAX_LOG_LINES } from '../../lib/store/append-logs';
import { useMooringStore } from '../../lib/store/mooring-store';
import { JumpToLatest } from '../ui/jump-to-latest';
import { Panel } from '../ui/panel';
import { LogRow } from './log-row';

const NONE: readonly LogLine[] = [];

/** Install, build and process output of the run; only the newest lines are kept. */
export function LogsPanel({ runId }: { runId: string | null }) {
  const logs = useMooringStore((state) => (runId && state.runs[runId]?.logs) || NONE);
  const dropped = useMooringStore((state) => (runId && state.runs[runId]?.logsDropped) || 0);
  const { ref, stuck, onScroll, scrollToBottom } = useStickToBottom(logs);
  const meta = logs.length >= MAX_LOG_LINES ? `last ${MAX_LOG_LINES} lines` : logs.length;

  return (
    <Panel
      title="Logs"
      meta={meta}
      testId="logs-panel"
      dataCount={logs.length}
      dataRunId={runId ?? undefined}
    >
      <div
        ref={ref}
        onScroll={onScroll}
        className="min-h-0 flex-1 overflow-y-auto py-1 font-mono text-2xs leading-[1.05rem]"
      >
        {logs.length === 0 && (
          <p className="px-3 py-4 font-sans text-xs text-faint">
            Install, build and agent output appear here.
          </p>
        )}
        {logs.map((log, i) => (
          <LogRow key={dropped + i} log={log} />
        ))}
      </div>
      {!stuck && <JumpToLatest onClick={scrollToBottom} />}
    </Panel>
  );
}
