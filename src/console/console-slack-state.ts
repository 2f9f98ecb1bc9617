import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SlackStandIn, StandInState } from './slack-stand-in/index.js';

/** What loading the console's saved Slack found. */
export type LoadedSlackState =
  | { kind: 'none' }
  | { kind: 'loaded'; state: StandInState }
  /** The file was there but unreadable; it was moved aside so the next save does not lose it. */
  | { kind: 'unreadable'; reason: string; movedTo: string };

function isState(value: unknown): value is StandInState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<StandInState>;
  return (
    state.version === 1 &&
    typeof state.idsIssued === 'number' &&
    Array.isArray(state.messages) &&
    Array.isArray(state.conversations) &&
    Array.isArray(state.files)
  );
}

/** Reads `<dataDir>/console-slack.json`, written by an earlier run. */
export function loadSlackState(path: string, now: Date = new Date()): LoadedSlackState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  let reason: string;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isState(parsed)) return { kind: 'loaded', state: parsed };
    reason = 'not a saved console state';
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const movedTo = `${path}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, movedTo);
  return { kind: 'unreadable', reason, movedTo };
}

/** Writes the state whole and atomically: a crash mid-write leaves the previous file intact. */
export function saveSlackState(path: string, state: StandInState): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(state));
  renameSync(partial, path);
}

/**
 * Saves the stand-in's state shortly after anything changes it (a message, a DM opened, a
 * file shared) and once more on `flush()`; returns the function that stops it.
 */
export function keepSlackStateSaved(
  standIn: SlackStandIn,
  path: string,
  onError: (error: unknown) => void,
): { flush(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  const save = () => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    try {
      saveSlackState(path, standIn.exportState());
    } catch (error) {
      onError(error);
    }
  };
  const changed = () => {
    dirty = true;
    timer ??= setTimeout(save, 100);
    timer.unref();
  };
  const offs = [
    standIn.on('message', changed),
    // Messages announce themselves; DMs opened and files shared come through these calls.
    standIn.on('call', (call) => {
      if (call.method === 'conversations.open' || call.method.startsWith('files.')) changed();
    }),
  ];
  return {
    flush() {
      if (timer) clearTimeout(timer);
      save();
    },
    stop() {
      if (timer) clearTimeout(timer);
      for (const off of offs) off();
    },
  };
}
