/** Keeps the last few lines of output, to explain a failure with what the process said last. */
export class TailBuffer {
  private readonly lines: string[] = [];

  constructor(private readonly size = 40) {}

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
