import { blockProblem, isRecord } from './blocks.js';
import { invalidArguments, SlackApiError } from './errors.js';
import { randomToken, viewHash } from './ids.js';
import type { ModalChangeKind, ModalOutcome, StoredView } from './types.js';
import type { Workspace } from './workspace.js';

/** Slack allows a root modal plus two pushed views. */
const MAX_STACK_DEPTH = 3;
const MAX_VIEW_BYTES = 250_000;

interface Trigger {
  userId: string;
  expiresAt: number;
  exchanged: boolean;
}

/** Modal stacks and App Home tabs per user, plus the trigger_ids that let the app open them. */
export class ViewStore {
  #stacks = new Map<string, StoredView[]>();
  #homes = new Map<string, StoredView>();
  #triggers = new Map<string, Trigger>();

  constructor(
    private readonly ws: Workspace,
    private readonly triggerTtlMs: number,
  ) {}

  createTrigger(userId: string): string {
    const id = `${Math.floor(this.ws.now() / 1000)}.${this.ws.nextId('').slice(1)}.${randomToken(10)}`;
    this.#triggers.set(id, { userId, expiresAt: this.ws.now() + this.triggerTtlMs, exchanged: false });
    return id;
  }

  /** The user a trigger belongs to; fails the way Slack does for unknown, reused or stale ones. */
  exchangeTrigger(triggerId: string): string {
    const trigger = this.#triggers.get(triggerId);
    if (!trigger) throw new SlackApiError('invalid_trigger_id');
    if (trigger.exchanged) throw new SlackApiError('exchanged_trigger_id');
    if (this.ws.now() > trigger.expiresAt) throw new SlackApiError('expired_trigger_id');
    trigger.exchanged = true;
    return trigger.userId;
  }

  stack(userId: string): StoredView[] {
    return this.#stacks.get(userId) ?? [];
  }

  home(userId: string): StoredView | undefined {
    return this.#homes.get(userId);
  }

  open(userId: string, input: unknown): StoredView {
    const id = this.ws.nextId('V');
    const view = this.#build(input, 'modal', { id, rootViewId: id, previousViewId: null });
    // A new views.open replaces whatever the user had open.
    this.#stacks.set(userId, [view]);
    this.#emitModal('opened', userId, view);
    return view;
  }

  push(userId: string, input: unknown): StoredView {
    const stack = this.stack(userId);
    const top = stack.at(-1);
    if (!top) throw new SlackApiError('not_found');
    if (stack.length >= MAX_STACK_DEPTH) throw new SlackApiError('push_limit_reached');
    const view = this.#build(input, 'modal', {
      id: this.ws.nextId('V'),
      rootViewId: top.root_view_id,
      previousViewId: top.id,
    });
    stack.push(view);
    this.#emitModal('pushed', userId, view);
    return view;
  }

  update(locator: { viewId?: string; externalId?: string }, input: unknown, hash?: string): StoredView {
    const found = this.#find(locator);
    if (!found) throw new SlackApiError('not_found');
    if (hash !== undefined && hash !== found.view.hash) throw new SlackApiError('hash_conflict');
    const updated = this.#build(input, found.view.type === 'home' ? 'home' : 'modal', {
      id: found.view.id,
      rootViewId: found.view.root_view_id,
      previousViewId: found.view.previous_view_id,
    });
    found.replace(updated);
    if (updated.type === 'home')
      this.ws.events.emit('home', { userId: found.userId, view: structuredClone(updated) });
    else this.#emitModal('updated', found.userId, updated);
    return updated;
  }

  publish(userId: string, input: unknown, hash?: string): StoredView {
    const current = this.#homes.get(userId);
    if (hash !== undefined && current && hash !== current.hash) throw new SlackApiError('hash_conflict');
    const view = this.#build(input, 'home', {
      id: current?.id ?? this.ws.nextId('V'),
      rootViewId: null,
      previousViewId: null,
    });
    this.#homes.set(userId, view);
    this.ws.events.emit('home', { userId, view: structuredClone(view) });
    return view;
  }

  close(userId: string, clearAll: boolean): ModalOutcome {
    const stack = this.stack(userId);
    const top = stack.at(-1);
    if (!top) throw new Error(`user ${userId} has no open modal to close`);
    if (clearAll || top.clear_on_close || stack.length === 1) return this.#clear(userId, 'cleared');
    stack.pop();
    this.#emitModal('closed', userId, stack.at(-1));
    return { kind: 'closed', closed: [top], isCleared: false, stack: [...stack] };
  }

  applyResponse(userId: string, ackBody: unknown): ModalOutcome {
    const stack = this.stack(userId);
    const top = stack.at(-1);
    if (!top) throw new Error(`user ${userId} has no open modal to apply a view_submission response to`);
    if (!isRecord(ackBody) || ackBody.response_action === undefined) {
      // Empty ack: the submitted view closes and the user is back on the previous one.
      stack.pop();
      if (stack.length === 0) this.#stacks.delete(userId);
      this.#emitModal('closed', userId, stack.at(-1));
      return { kind: 'closed', closed: [top], isCleared: stack.length === 0, stack: [...stack] };
    }
    const body = ackBody;
    const action = body.response_action;
    switch (action) {
      case 'update': {
        const view = this.#build(body.view, 'modal', {
          id: top.id,
          rootViewId: top.root_view_id,
          previousViewId: top.previous_view_id,
        });
        stack[stack.length - 1] = view;
        this.#emitModal('updated', userId, view);
        return { kind: 'updated', closed: [], isCleared: false, stack: [...stack] };
      }
      case 'push': {
        this.push(userId, body.view);
        return { kind: 'pushed', closed: [], isCleared: false, stack: [...this.stack(userId)] };
      }
      case 'clear':
        return this.#clear(userId, 'cleared');
      case 'errors': {
        const errors = isRecord(body.errors) ? body.errors : {};
        top.errors = Object.fromEntries(
          Object.entries(errors).map(([blockId, text]) => [blockId, String(text)]),
        );
        const blockIds = new Set(top.blocks.map((block) => (isRecord(block) ? block.block_id : undefined)));
        const unknownBlockIds = Object.keys(top.errors).filter((blockId) => !blockIds.has(blockId));
        this.#emitModal('errors', userId, top);
        return { kind: 'errors', closed: [], isCleared: false, stack: [...stack], unknownBlockIds };
      }
      default:
        throw new Error(`unknown response_action ${String(action)} for user ${userId}`);
    }
  }

  clear(): void {
    this.#stacks = new Map();
    this.#homes = new Map();
    this.#triggers = new Map();
  }

  #clear(userId: string, kind: ModalChangeKind): ModalOutcome {
    const closed = [...this.stack(userId)].reverse();
    this.#stacks.delete(userId);
    this.#emitModal(kind, userId, undefined);
    return { kind, closed, isCleared: true, stack: [] };
  }

  #find(locator: {
    viewId?: string;
    externalId?: string;
  }): { view: StoredView; userId: string; replace: (view: StoredView) => void } | undefined {
    const matches = (view: StoredView) =>
      locator.viewId !== undefined
        ? view.id === locator.viewId
        : locator.externalId !== undefined && view.external_id === locator.externalId;
    for (const [userId, stack] of this.#stacks) {
      const index = stack.findIndex(matches);
      const view = stack[index];
      if (view) return { view, userId, replace: (next) => stack.splice(index, 1, next) };
    }
    for (const [userId, view] of this.#homes) {
      if (matches(view)) return { view, userId, replace: (next) => this.#homes.set(userId, next) };
    }
    return undefined;
  }

  /** Validates a view payload the way Slack rejects common mistakes, then stores it in wire shape. */
  #build(
    input: unknown,
    kind: 'modal' | 'home',
    ids: { id: string; rootViewId: string | null; previousViewId: string | null },
  ): StoredView {
    if (!isRecord(input)) throw invalidArguments('view must be a JSON object [json-pointer:/view]');
    if (input.type !== kind) throw invalidArguments(`view type must be ${kind} [json-pointer:/view/type]`);
    if (JSON.stringify(input).length > MAX_VIEW_BYTES) throw new SlackApiError('view_too_large');
    const blocks = input.blocks;
    const problem = blockProblem(blocks, 100);
    if (problem || !Array.isArray(blocks)) {
      throw invalidArguments((problem ?? 'blocks must be an array').replace('/blocks', '/view/blocks'));
    }
    if (kind === 'modal') {
      const title = isRecord(input.title) ? input.title.text : undefined;
      if (typeof title !== 'string')
        throw invalidArguments('missing required field: title [json-pointer:/view]');
      if (title.length > 24)
        throw invalidArguments('must be less than 25 characters [json-pointer:/view/title/text]');
      const hasInput = blocks.some((block) => isRecord(block) && block.type === 'input');
      if (hasInput && !isRecord(input.submit)) {
        throw invalidArguments(
          'submit is required when an input block is within the blocks array [json-pointer:/view]',
        );
      }
    }
    const privateMetadata = typeof input.private_metadata === 'string' ? input.private_metadata : '';
    if (privateMetadata.length > 3000) {
      throw invalidArguments('must be less than 3001 characters [json-pointer:/view/private_metadata]');
    }
    const externalId = typeof input.external_id === 'string' ? input.external_id : '';
    const holder = externalId ? this.#find({ externalId }) : undefined;
    if (holder && holder.view.id !== ids.id) throw new SlackApiError('duplicate_external_id');
    return {
      id: ids.id,
      team_id: this.ws.teamId,
      type: kind,
      ...(kind === 'modal'
        ? { title: input.title, submit: input.submit ?? null, close: input.close ?? null }
        : {}),
      blocks,
      private_metadata: privateMetadata,
      callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
      external_id: externalId,
      state: { values: {} },
      hash: viewHash(this.ws.now()),
      clear_on_close: input.clear_on_close === true,
      notify_on_close: input.notify_on_close === true,
      submit_disabled: input.submit_disabled === true,
      root_view_id: ids.rootViewId,
      previous_view_id: ids.previousViewId,
      app_id: this.ws.appId,
      app_installed_team_id: this.ws.teamId,
      bot_id: this.ws.botId,
    };
  }

  #emitModal(kind: ModalChangeKind, userId: string, view: StoredView | undefined): void {
    this.ws.events.emit('modal', {
      kind,
      userId,
      view: view ? structuredClone(view) : undefined,
      stack: structuredClone(this.stack(userId)),
    });
  }
}
