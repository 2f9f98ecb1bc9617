import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type ChildMessage, PROTOCOL_MARKER, type ReadyMessage } from './protocol.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

type MessageOf<T extends ChildMessage['type']> = Extract<ChildMessage, { type: T }>;

/**
 * A target server in its own Node process: `node bench/.build/targets/<script>.js` when
 * `compiledDir` is given (bench/lib/compiled-targets.ts), else
 * `node --import tsx bench/targets/<script>.ts`; `script` defaults to the name.
 */
export class TargetProcess {
  readonly #child: ChildProcess;
  readonly #waiters: Array<{ type: string; resolve: (message: ChildMessage) => void }> = [];
  #exited: { code: number | null; signal: string | null } | undefined;
  #onExit: Array<() => void> = [];
  ready: ReadyMessage | undefined;

  constructor(
    readonly name: string,
    options: {
      requests: number;
      nodeArgs?: string[];
      env?: NodeJS.ProcessEnv;
      script?: string;
      compiledDir?: string;
    },
  ) {
    const script = options.script ?? name;
    this.#child = spawn(
      process.execPath,
      [
        ...(options.nodeArgs ?? []),
        ...(options.compiledDir
          ? [`${options.compiledDir}/targets/${script}.js`]
          : ['--import', 'tsx', `bench/targets/${script}.ts`]),
        '--requests',
        String(options.requests),
      ],
      { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'], ...(options.env ? { env: options.env } : {}) },
    );
    const lines = createInterface({ input: this.#child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (!line.startsWith(PROTOCOL_MARKER)) {
        process.stderr.write(`[${name}] ${line}\n`);
        return;
      }
      const message = JSON.parse(line.slice(PROTOCOL_MARKER.length)) as ChildMessage;
      const index = this.#waiters.findIndex((waiter) => waiter.type === message.type);
      if (index >= 0) this.#waiters.splice(index, 1)[0]?.resolve(message);
    });
    this.#child.on('exit', (code, signal) => {
      this.#exited = { code, signal };
      for (const listener of this.#onExit.splice(0)) listener();
    });
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  get alive(): boolean {
    return this.#exited === undefined;
  }

  #next<T extends ChildMessage['type']>(type: T, timeoutMs: number): Promise<MessageOf<T>> {
    return new Promise((resolve, reject) => {
      if (!this.alive) {
        reject(new Error(`${this.name} target exited (${JSON.stringify(this.#exited)})`));
        return;
      }
      const onExit = () => {
        clearTimeout(timer);
        reject(
          new Error(`${this.name} target exited (${JSON.stringify(this.#exited)}) while waiting for ${type}`),
        );
      };
      const waiter = {
        type,
        resolve: (message: ChildMessage) => {
          clearTimeout(timer);
          this.#onExit = this.#onExit.filter((listener) => listener !== onExit);
          resolve(message as MessageOf<T>);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        this.#onExit = this.#onExit.filter((listener) => listener !== onExit);
        reject(new Error(`${this.name} target sent no ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.push(waiter);
      this.#onExit.push(onExit);
    });
  }

  async waitReady(timeoutMs: number): Promise<ReadyMessage> {
    this.ready = await this.#next('ready', timeoutMs);
    return this.ready;
  }

  async count(): Promise<MessageOf<'count'>> {
    const answer = this.#next('count', 5_000);
    this.#child.stdin?.write(`${JSON.stringify({ op: 'count' })}\n`);
    return answer;
  }

  async report(): Promise<MessageOf<'report'>> {
    const answer = this.#next('report', 10_000);
    this.#child.stdin?.write(`${JSON.stringify({ op: 'report' })}\n`);
    return answer;
  }

  /** Asks the child to stop; SIGKILLs this child (by its pid) if it has not exited in time. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.#onExit.push(resolve));
    this.#child.stdin?.write(`${JSON.stringify({ op: 'stop' })}\n`);
    this.#child.stdin?.end();
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** Last resort on the way out: synchronous, for exit handlers. */
  killNow(): void {
    if (this.alive) this.#child.kill('SIGKILL');
  }
}
