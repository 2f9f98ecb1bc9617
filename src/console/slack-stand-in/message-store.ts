import type { StoredEphemeral, StoredMessage } from './types.js';
import type { Workspace } from './workspace.js';

export interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  /** Files shared with the message (files.completeUploadExternal). */
  files?: unknown[];
}

/** What each channel shows and what each user privately sees, in posting order. */
export class MessageStore {
  #byChannel = new Map<string, StoredMessage[]>();
  #ephemerals: StoredEphemeral[] = [];

  constructor(private readonly ws: Workspace) {}

  post(input: {
    channel: string;
    user: string;
    fromBot: boolean;
    content: MessageContent;
    threadTs?: string;
    unfurlLinks?: boolean;
    unfurlMedia?: boolean;
  }): StoredMessage {
    const ts = this.ws.nextTs();
    const message: StoredMessage = {
      type: 'message',
      channel: input.channel,
      ts,
      text: input.content.text ?? '',
      user: input.user,
      team: this.ws.teamId,
      ...(input.fromBot ? { bot_id: this.ws.botId, app_id: this.ws.appId } : {}),
      ...withContent(input.content),
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      ...(input.unfurlLinks !== undefined ? { unfurl_links: input.unfurlLinks } : {}),
      ...(input.unfurlMedia !== undefined ? { unfurl_media: input.unfurlMedia } : {}),
    };
    const list = this.#byChannel.get(input.channel) ?? [];
    list.push(message);
    this.#byChannel.set(input.channel, list);
    if (input.threadTs) this.#noteReply(input.channel, input.threadTs, ts);
    this.ws.events.emit('message', { kind: 'posted', message: structuredClone(message) });
    return message;
  }

  /** Every message in the channel, thread replies included, oldest first. */
  list(channel: string): StoredMessage[] {
    return this.#byChannel.get(channel) ?? [];
  }

  /** Every message of every channel, for the console's saved state. */
  all(): StoredMessage[] {
    return [...this.#byChannel.values()].flat();
  }

  /** Puts back messages an earlier run kept, in their order, without announcing them. */
  restore(messages: readonly StoredMessage[]): void {
    for (const message of messages) {
      const list = this.#byChannel.get(message.channel) ?? [];
      list.push(structuredClone(message));
      this.#byChannel.set(message.channel, list);
    }
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.list(channel).find((message) => message.ts === ts);
  }

  /**
   * chat.update keeps fields the caller leaves out; a response_url `replace_original`
   * (`wholesale`) swaps the whole message, so omitted blocks disappear.
   */
  update(message: StoredMessage, content: MessageContent, wholesale = false): StoredMessage {
    if (wholesale) {
      delete message.blocks;
      delete message.attachments;
      message.text = '';
    }
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks !== undefined) message.blocks = content.blocks;
    if (content.attachments !== undefined) message.attachments = content.attachments;
    if (content.metadata !== undefined) message.metadata = content.metadata;
    message.edited = { user: this.ws.botUserId, ts: this.ws.nextTs() };
    this.ws.events.emit('message', { kind: 'updated', message: structuredClone(message) });
    return message;
  }

  delete(message: StoredMessage): void {
    const list = this.list(message.channel);
    this.#byChannel.set(
      message.channel,
      list.filter((candidate) => candidate !== message),
    );
    this.ws.events.emit('message', { kind: 'deleted', message: structuredClone(message) });
  }

  postEphemeral(input: {
    channel: string;
    recipient: string;
    content: MessageContent;
    threadTs?: string;
    source: StoredEphemeral['source'];
  }): StoredEphemeral {
    const ephemeral: StoredEphemeral = {
      channel: input.channel,
      recipient: input.recipient,
      ts: this.ws.nextTs(),
      text: input.content.text ?? '',
      ...withContent(input.content),
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      source: input.source,
    };
    this.#ephemerals.push(ephemeral);
    this.ws.events.emit('ephemeral', { kind: 'posted', message: structuredClone(ephemeral) });
    return ephemeral;
  }

  ephemerals(recipient: string, channel?: string): StoredEphemeral[] {
    return this.#ephemerals.filter(
      (message) => message.recipient === recipient && (channel === undefined || message.channel === channel),
    );
  }

  findEphemeral(recipient: string, ts: string): StoredEphemeral | undefined {
    return this.#ephemerals.find((message) => message.recipient === recipient && message.ts === ts);
  }

  replaceEphemeral(ephemeral: StoredEphemeral, content: MessageContent): StoredEphemeral {
    // Replacing is wholesale: blocks absent from the replacement disappear.
    ephemeral.text = content.text ?? '';
    ephemeral.blocks = content.blocks;
    ephemeral.attachments = content.attachments;
    if (!content.blocks) delete ephemeral.blocks;
    if (!content.attachments) delete ephemeral.attachments;
    this.ws.events.emit('ephemeral', { kind: 'replaced', message: structuredClone(ephemeral) });
    return ephemeral;
  }

  deleteEphemeral(ephemeral: StoredEphemeral): void {
    this.#ephemerals = this.#ephemerals.filter((candidate) => candidate !== ephemeral);
    this.ws.events.emit('ephemeral', { kind: 'deleted', message: structuredClone(ephemeral) });
  }

  clear(): void {
    this.#byChannel = new Map();
    this.#ephemerals = [];
  }

  #noteReply(channel: string, threadTs: string, replyTs: string): void {
    const parent = this.find(channel, threadTs);
    if (!parent) return;
    parent.thread_ts = threadTs;
    parent.reply_count = (parent.reply_count ?? 0) + 1;
    parent.latest_reply = replyTs;
  }
}

function withContent(content: MessageContent): Partial<StoredMessage> {
  return {
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(content.attachments ? { attachments: content.attachments } : {}),
    ...(content.metadata !== undefined ? { metadata: content.metadata } : {}),
    ...(content.files ? { files: content.files } : {}),
  };
}
