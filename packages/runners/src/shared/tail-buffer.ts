/**
 * Enough that a failure's traceback keeps its header, and with it the exception the cause is
 * read from, even below the many INFO lines the host, ADK or a build step print first.
 */
const DEFAULT_LINES = 200;

/** Keeps the last few lines of output, to explain a failure with what the process said last. */
export class TailBuffer {
  private readonly lines: string[] = [];

  constructor(private readonly size = DEFAULT_LINES) {}

  add(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** A copy of the lines kept, oldest first. */
  snapshot(): string[] {
    return [...this.lines];
  }
}
