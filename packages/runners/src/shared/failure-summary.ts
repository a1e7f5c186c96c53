import { stripAnsi } from './strip-ansi';

/** What a failed process's output says went wrong, and the end of that output to show below. */
export type FailureSummary = {
  /** The line that names the cause (a Python exception, an installer's error), if one does. */
  cause: string | undefined;
  /** The last lines, without escapes or blank lines; a note first when earlier ones were cut. */
  tail: string[];
};

/** Enough to hold a traceback's last frames and the exception, short enough for a card. */
const TAIL_LINES = 15;
const CUT_NOTE = '… (earlier lines are in Logs)';

const TRACEBACK = /^(\s*)Traceback \(most recent call last\):/;
/** `RuntimeError: boom` or `pip._vendor.packaging.markers.InvalidMarker: ...`, or a bare name. */
const EXCEPTION = /^(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)(?:: (.*))?$/;
/** An exception line whose traceback header was cut off: only the usual names count then. */
const HEADLESS_EXCEPTION = /^(?:[A-Za-z_]\w*\.)*\w*(?:Error|Exception)(?::|$)/;
/** pip says `ERROR: ...`; uv says `error: ...` or, for build failures, `× ...`. */
const INSTALLER_ERROR = /^\s*(?:ERROR:|error:|×)\s+(.+)$/;
/** uv explains its error on the next lines: `  cause: ...`, `Caused by: ...`, `╰─▶ ...`. */
const ERROR_DETAIL = /^\s*(?:cause:|caused by:|[├╰]─▶)\s*(.+)$/i;
/** Under a parse error uv quotes the offending line and points at it with carets. */
const CARET_LINE = /^\s*\^+\s*$/;

/**
 * Reads a failure's output (escapes and all) for the line that says what went wrong: the last
 * Python exception of a traceback (the one that ended the process), else the first installer
 * error, which pip and uv print before the consequences. Python first, because a traceback
 * inside a build step explains the `error: subprocess-exited-with-error` that follows it.
 */
export function summarizeFailure(
  output: readonly string[],
  tailLines: number = TAIL_LINES,
): FailureSummary {
  const lines = output.map((line) => stripAnsi(line).trimEnd());
  return { cause: pythonException(lines) ?? installerError(lines), tail: tailOf(lines, tailLines) };
}

function pythonException(lines: readonly string[]): string | undefined {
  let found: string | undefined;
  // The header's indentation while inside a traceback: deeper lines are its frames.
  let depth: number | undefined;
  for (const line of lines) {
    const header = TRACEBACK.exec(line);
    if (header) {
      depth = header[1]?.length ?? 0;
      continue;
    }
    if (depth === undefined || !line.trim()) continue;
    if (line.length - line.trimStart().length > depth) continue;
    depth = undefined;
    found = exceptionText(line.trim()) ?? found;
  }
  return found ?? headlessException(lines);
}

function headlessException(lines: readonly string[]): string | undefined {
  const line = lines.findLast((candidate) => HEADLESS_EXCEPTION.test(candidate));
  return line === undefined ? undefined : exceptionText(line);
}

/** Drops the module path: `InvalidMarker: ...` says as much as `pip._vendor....InvalidMarker`. */
function exceptionText(line: string): string | undefined {
  const match = EXCEPTION.exec(line);
  if (!match) return undefined;
  const [, name, message] = match;
  return message ? `${name}: ${message}` : name;
}

function installerError(lines: readonly string[]): string | undefined {
  for (const [index, line] of lines.entries()) {
    const message = INSTALLER_ERROR.exec(line)?.[1]?.trim();
    if (!message) continue;
    const detail = ERROR_DETAIL.exec(lines[index + 1] ?? '')?.[1]?.trim();
    if (detail) return `${message.replace(/:$/, '')}: ${detail}${quotedLine(lines, index + 2)}`;
    // `ERROR: Exception:` and the like only introduce what follows; the traceback says more.
    if (!message.endsWith(':')) return message;
  }
  return undefined;
}

/** ` in "this line is broken"` when uv quoted the line it could not parse; a position alone
 * does not tell a person which line of the file is wrong. */
function quotedLine(lines: readonly string[], at: number): string {
  const quoted = lines[at]?.trim();
  return quoted && CARET_LINE.test(lines[at + 1] ?? '') ? ` in "${quoted}"` : '';
}

function tailOf(lines: readonly string[], size: number): string[] {
  const kept = lines.filter((line) => line.trim());
  if (kept.length <= size) return kept;
  return [CUT_NOTE, ...kept.slice(-size)];
}
