import type { LogLine, LogStream } from '@mooring/protocol';
import { memo } from 'react';

const tones: Record<LogStream, string> = {
  install: 'text-violet-300',
  build: 'text-sky-300',
  stdout: 'text-faint',
  stderr: 'text-orange-300',
  system: 'text-emerald-300',
};

export const LogRow = memo(function LogRow({ log }: { log: LogLine }) {
  const text = log.stream === 'stderr' ? 'text-orange-100/90' : 'text-fg/85';
  return (
    <div data-testid="log-line" data-stream={log.stream} className="flex gap-3 px-3">
      <span className={`w-14 shrink-0 select-none ${tones[log.stream]}`}>{log.stream}</span>
      <span className={`min-w-0 flex-1 break-all whitespace-pre-wrap ${text}`}>{log.line}</span>
    </div>
  );
});
