/** Colours and cursor moves (CSI), titles and links (OSC), then the two-character escapes. */
// eslint-disable-next-line no-control-regex -- escape characters are what it looks for
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/**
 * Removes terminal escape sequences. Build steps and installers colour their output (the classic
 * builder wraps a step's stderr in red), and a reason or a log row shows them as raw text.
 */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
