import type { LogLine } from '@mooring/protocol';

/**
 * Python logs everything to stderr, so the stream says nothing about trouble; the text does:
 * a level name, a traceback, an exception line.
 */
const ERROR_TEXT = [
  /(^|\s)(ERROR|CRITICAL|FATAL)(\s|:)/,
  /Traceback \(most recent call last\)/,
  /(^|[\s.])[A-Z]?\w*Error:/,
  /Fatal Python error/,
];

/** Mooring's own lines that say a step went wrong. */
const SYSTEM_FAILURE = /\b(fail(s|ed|ure)?|error|refused|denied|unreachable|timed out|cannot)\b/i;

/** Whether a log line should stand out as an error among the calm ones. */
export function isErrorLog(log: LogLine): boolean {
  if (log.stream === 'system' && SYSTEM_FAILURE.test(log.line)) return true;
  return ERROR_TEXT.some((pattern) => pattern.test(log.line));
}
