import { blockProblem, isRecord } from './blocks.js';
import { STAND_IN_DEFAULTS } from './defaults.js';
import { randomToken } from './ids.js';
import type { MessageContent, MessageStore } from './message-store.js';
import type { Workspace } from './workspace.js';

interface ResponseUrlEntry {
  channelId: string;
  userId: string;
  /** The message the interaction came from; replace_original/delete_original act on it. */
  originalTs: string | undefined;
  createdAt: number;
  uses: number;
}

export interface ResponseUrlAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * response_url endpoints: what Bolt's `respond()` posts to. Each accepts five posts within
 * thirty minutes, like Slack's. After a slash command there is no original message, so
 * replace_original/delete_original act on the last ephemeral this URL produced — which
 * is how a command's "Working on it…" reply gets replaced in real Slack.
 */
export class ResponseUrls {
  #entries = new Map<string, ResponseUrlEntry>();

  constructor(
    private readonly ws: Workspace,
    private readonly messages: MessageStore,
  ) {}

  create(input: { channelId: string; userId: string; messageTs?: string }): string {
    const id = `${this.ws.teamId}/${this.ws.nextId('B').slice(1)}/${randomToken(12)}`;
    this.#entries.set(id, {
      channelId: input.channelId,
      userId: input.userId,
      originalTs: input.messageTs,
      createdAt: this.ws.now(),
      uses: 0,
    });
    return id;
  }

  clear(): void {
    this.#entries = new Map();
  }

  handle(id: string, payload: unknown): ResponseUrlAnswer {
    const entry = this.#entries.get(id);
    if (!entry) return { status: 404, body: { ok: false, error: 'no_service' } };
    if (entry.uses >= STAND_IN_DEFAULTS.responseUrlMaxUses) {
      return { status: 404, body: { ok: false, error: 'used_url' } };
    }
    if (this.ws.now() - entry.createdAt > STAND_IN_DEFAULTS.responseUrlTtlMs) {
      return { status: 404, body: { ok: false, error: 'expired_url' } };
    }
    if (!isRecord(payload)) return { status: 400, body: { ok: false, error: 'invalid_payload' } };
    if (payload.blocks !== undefined) {
      const problem = blockProblem(payload.blocks, 50);
      if (problem) return { status: 400, body: { ok: false, error: 'invalid_blocks', detail: problem } };
    }
    entry.uses += 1;
    if (payload.delete_original === true) return this.#deleteOriginal(entry);
    const content: MessageContent = {
      ...(typeof payload.text === 'string' ? { text: payload.text } : {}),
      ...(Array.isArray(payload.blocks) ? { blocks: payload.blocks } : {}),
      ...(Array.isArray(payload.attachments) ? { attachments: payload.attachments } : {}),
    };
    if (payload.replace_original === true) return this.#replaceOriginal(entry, content);
    const threadTs = typeof payload.thread_ts === 'string' ? payload.thread_ts : undefined;
    if (payload.response_type === 'in_channel') {
      this.messages.post({
        channel: entry.channelId,
        user: this.ws.botUserId,
        fromBot: true,
        content,
        ...(threadTs ? { threadTs } : {}),
      });
    } else {
      const posted = this.messages.postEphemeral({
        channel: entry.channelId,
        recipient: entry.userId,
        content,
        ...(threadTs ? { threadTs } : {}),
        source: 'response_url',
      });
      entry.originalTs ??= posted.ts;
    }
    return ok();
  }

  /** A slash command's acknowledgement body (see SlackStandIn.applyCommandResponse). */
  answerInAck(id: string, payload: unknown): boolean {
    const entry = this.#entries.get(id);
    if (!entry) throw new Error(`applyCommandResponse: no response_url ${id}`);
    if (!isRecord(payload)) return false;
    const content: MessageContent = {
      ...(typeof payload.text === 'string' && payload.text ? { text: payload.text } : {}),
      ...(Array.isArray(payload.blocks) && payload.blocks.length > 0 ? { blocks: payload.blocks } : {}),
    };
    if (content.text === undefined && content.blocks === undefined) return false;
    if (content.blocks !== undefined) {
      const problem = blockProblem(content.blocks, 50);
      if (problem) throw new Error(`applyCommandResponse: Slack would refuse these blocks: ${problem}`);
    }
    if (payload.response_type === 'in_channel') {
      const posted = this.messages.post({
        channel: entry.channelId,
        user: this.ws.botUserId,
        fromBot: true,
        content,
      });
      entry.originalTs ??= posted.ts;
      return true;
    }
    const posted = this.messages.postEphemeral({
      channel: entry.channelId,
      recipient: entry.userId,
      content,
      source: 'command_ack',
    });
    entry.originalTs ??= posted.ts;
    return true;
  }

  #replaceOriginal(entry: ResponseUrlEntry, content: MessageContent): ResponseUrlAnswer {
    const ts = entry.originalTs;
    const inChannel = ts ? this.messages.find(entry.channelId, ts) : undefined;
    if (inChannel) {
      this.messages.update(inChannel, content, true);
      return ok();
    }
    const ephemeral = ts ? this.messages.findEphemeral(entry.userId, ts) : undefined;
    if (ephemeral) {
      this.messages.replaceEphemeral(ephemeral, content);
      return ok();
    }
    // Nothing to replace: Slack shows the reply as a fresh ephemeral.
    const posted = this.messages.postEphemeral({
      channel: entry.channelId,
      recipient: entry.userId,
      content,
      source: 'response_url',
    });
    entry.originalTs = posted.ts;
    return ok();
  }

  #deleteOriginal(entry: ResponseUrlEntry): ResponseUrlAnswer {
    const ts = entry.originalTs;
    const inChannel = ts ? this.messages.find(entry.channelId, ts) : undefined;
    if (inChannel) this.messages.delete(inChannel);
    const ephemeral = ts ? this.messages.findEphemeral(entry.userId, ts) : undefined;
    if (ephemeral) this.messages.deleteEphemeral(ephemeral);
    return ok();
  }
}

function ok(): ResponseUrlAnswer {
  return { status: 200, body: { ok: true } };
}
