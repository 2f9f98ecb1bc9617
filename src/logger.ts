import { type Logger, pino } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'refreshToken',
  'clientSecret',
  'client_secret',
  'apiKey',
  'authorization',
  'password',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.refreshToken',
  '*.clientSecret',
  '*.client_secret',
  '*.apiKey',
  '*.authorization',
  '*.password',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
];

export interface LoggerOptions {
  level: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: NodeJS.WritableStream;
}

/** Structured JSON log with secrets redacted (pino). Built once in main.ts and passed down. */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service: 'liaison' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? process.stdout,
  );
}

/** An appending log file (the local console keeps the terminal for the person). */
export function fileDestination(path: string): NodeJS.WritableStream {
  return pino.destination({
    dest: path,
    append: true,
    mkdir: true,
    sync: false,
  }) as unknown as NodeJS.WritableStream;
}
