import { PassThrough } from 'node:stream';

/** Types lines into the local console as a person would and reads the terminal. */
export class ConsoleTerminal {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  private output = '';

  constructor() {
    this.stdout.on('data', (chunk) => {
      this.output += String(chunk);
    });
  }

  get screen(): string {
    return this.output;
  }

  /** Types a line and waits until the console has printed something new and gone quiet. */
  async type(line: string): Promise<string> {
    const before = this.output.length;
    this.stdin.write(`${line}\n`);
    const deadline = Date.now() + 8_000;
    let lastLength = -1;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      if (this.output.length > before && this.output.length === lastLength) break;
      lastLength = this.output.length;
    }
    return this.output.slice(before);
  }
}
