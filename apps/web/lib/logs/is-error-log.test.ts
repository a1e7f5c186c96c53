import type { LogLine } from '@mooring/protocol';
import { describe, expect, it } from 'vitest';
import { isErrorLog } from './is-error-log';

const line = (stream: LogLine['stream'], text: string): LogLine => ({ stream, line: text, ts: 1 });

describe('isErrorLog', () => {
  it('keeps ordinary Python logging on stderr calm', () => {
    const calm = [
      '2026-12-03 19:13:06,680 INFO uvicorn.error: Application startup complete.',
      'INFO:     127.0.0.1:60728 - "POST /run_sse HTTP/1.1" 200',
      '2026-12-03 19:13:07,489 WARNING google_adk: no error handler configured',
    ];
    expect(calm.map((text) => isErrorLog(line('stderr', text)))).toEqual([false, false, false]);
  });

  it('flags level names, tracebacks and exception lines on any stream', () => {
    const loud = [
      line('stderr', '2026-12-03 19:13:06,680 ERROR root: the tool failed'),
      line('stderr', 'ERROR:root:quota exceeded'),
      line('stdout', 'CRITICAL something broke'),
      line('stderr', 'Traceback (most recent call last):'),
      line('stderr', 'ValueError: bad city'),
      line('install', 'Error: no matching distribution for google-adk'),
      line('stderr', 'Fatal Python error: _enter_buffered_busy'),
    ];
    expect(loud.every(isErrorLog)).toBe(true);
  });

  it('flags system lines that report a failure and nothing else of theirs', () => {
    expect(isErrorLog(line('system', 'start failed: no such host'))).toBe(true);
    expect(isErrorLog(line('system', 'image reused: mooring/weather:abc'))).toBe(false);
    expect(isErrorLog(line('system', 'adopted after a server restart'))).toBe(false);
  });
});
