import type { LogLine, LogStream } from '@mooring/protocol';
import { memo } from 'react';
import { isErrorLog } from '../../lib/logs/is-error-log';

/** Process output is muted whichever stream it used; only the build steps get a colour. */
const tones: Record<LogStream, string> = {
  install: 'text-violet-300/80',
  build: 'text-sky-300/80',
  stdout: 'text-faint',
  stderr: 'text-faint',
  system: 'text-emerald-300/80',
};

/** One line of output; lines that read like errors stand out, whatever stream carried them. */
export const LogRow = memo(function LogRow({ log }: { log: LogLine }) {
  const error = isErrorLog(log);
  const frame = error ? 'border-red-500/70 bg-red-500/5' : 'border-transparent';
  return (
    <div
      data-testid="log-line"
      data-stream={log.stream}
      data-error={error}
      className={`flex gap-3 border-l-2 pr-3 pl-2.5 ${frame}`}
    >
      <span className={`w-14 shrink-0 select-none ${error ? 'text-red-300' : tones[log.stream]}`}>
        {log.stream}
      </span>
      <span
        className={`min-w-0 flex-1 whitespace-pre-wrap wrap-anywhere
          ${error ? 'text-red-200' : 'text-fg/85'}`}
      >
        {log.line}
      </span>
    </div>
  );
});
