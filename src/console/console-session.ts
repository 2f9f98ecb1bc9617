import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { View } from '@slack/types';
import { translator } from '../i18n/catalog.js';
import type { SupportedLocale } from '../i18n/locales.js';
import { SHORTCUTS } from '../slack/ids.js';
import type { ConsoleActor } from './console-payloads.js';
import {
  eventEnvelope,
  messageBlockActionsBody,
  messageShortcutBody,
  slashCommandBody,
  viewBlockActionsBody,
  viewClosedBody,
  viewSubmissionBody,
} from './console-payloads.js';
import type { ConsoleReceiver } from './console-receiver.js';
import {
  buildActionFromControl,
  buildViewStateValues,
  type ControlCommand,
  consoleHelpText,
  findControl,
  parseConsoleInput,
  resolveControlInput,
  validateSubmission,
} from './input/index.js';
import {
  type Control,
  currentFieldValue,
  type FieldValues,
  type RenderContext,
  renderMessage,
  renderView,
  setFieldValue,
} from './render/index.js';
import type {
  SlackStandIn,
  StandInFile,
  StoredEphemeral,
  StoredMessage,
  StoredView,
} from './slack-stand-in/index.js';

/** How many of a conversation's latest messages `inbox` and `channel` show. */
const LATEST = 10;
/** How many lines of a text file `open` prints (the whole file is saved). */
const FILE_LINES = 40;

export interface ConsolePerson {
  userId: string;
  userName: string;
  realName: string;
  locale: SupportedLocale;
  /** Their Slack time zone: dates Slack formats per viewer are shown in it. */
  timeZone?: string;
}

type Origin =
  | { kind: 'message'; channel: string; ts: string; text: string; blocks?: unknown[]; ephemeral: boolean }
  | { kind: 'view'; viewId: string };

interface OpenModal {
  view: StoredView;
  controls: Control[];
  values: FieldValues;
}

/**
 * One person at the local console: turns typed lines into the payloads Slack would send
 * (through the real Bolt app) and prints what the app shows back (through the stand-in).
 */
export class ConsoleSession {
  private person: ConsolePerson;
  private readonly controls = new Map<number, { control: Control; origin: Origin }>();
  private nextIndex = 1;
  private modal: OpenModal | undefined;
  private actionCounter = 0;
  /** The last channel or DM message shown: what `escalate-this` acts on. */
  private lastMessage: StoredMessage | undefined;

  constructor(
    private readonly deps: {
      standIn: SlackStandIn;
      receiver: ConsoleReceiver;
      people: ConsolePerson[];
      startAs: ConsolePerson;
      channel: { id: string; name: string };
      print: (text: string) => void;
      /** Where `open` writes a file it shows (created when needed). */
      downloadsDir: string;
      width?: number;
      color?: boolean;
    },
  ) {
    this.person = deps.startAs;
  }

  get locale(): SupportedLocale {
    return this.person.locale;
  }

  get currentUserId(): string {
    return this.person.userId;
  }

  private get t() {
    return translator(this.person.locale);
  }

  private actor(): ConsoleActor {
    const { standIn, channel } = this.deps;
    return {
      teamId: standIn.teamId,
      teamDomain: standIn.teamDomain,
      appId: standIn.appId,
      userId: this.person.userId,
      userName: this.person.userName,
      channelId: channel.id,
      channelName: channel.name,
    };
  }

  private renderContext(firstControlIndex = this.nextIndex): RenderContext {
    return {
      width: this.deps.width ?? 80,
      color: this.deps.color ?? false,
      firstControlIndex,
      locale: this.person.locale,
      ...(this.person.timeZone ? { timeZone: this.person.timeZone } : {}),
      resolveUser: (id) => this.deps.people.find((p) => p.userId === id)?.realName,
      resolveChannel: (id) => this.deps.standIn.findChannel(id)?.name,
      // The pickers offer what Slack's would: the workspace's people and channels.
      directory: {
        users: this.deps.people.map((p) => ({ id: p.userId, name: p.realName })),
        channels: this.deps.standIn.channelList(),
        conversations: this.deps.standIn.channelList(),
      },
    };
  }

  /** Numbers the controls of a printed surface so `press N` finds them later. */
  private register(controls: Control[], origin: Origin): void {
    for (const control of controls) {
      this.controls.set(control.index, { control, origin });
      this.nextIndex = Math.max(this.nextIndex, control.index + 1);
    }
  }

  /** Subscribes to what the app shows; returns the unsubscribe function. */
  attach(): () => void {
    const { standIn } = this.deps;
    const offs = [
      standIn.on('message', ({ kind, message }) => {
        if (kind !== 'deleted') this.showMessage(message, kind === 'updated');
      }),
      standIn.on('ephemeral', ({ kind, message }) => {
        if (kind !== 'deleted' && message.recipient === this.person.userId) this.showEphemeral(message);
      }),
      standIn.on('modal', ({ kind, userId, stack }) => {
        if (userId !== this.person.userId) return;
        const top = stack.at(-1);
        if (!top) {
          this.modal = undefined;
          if (kind === 'closed' || kind === 'cleared') this.deps.print(this.t('console.modalClosed'));
          return;
        }
        this.showModal(top);
      }),
      standIn.on('home', ({ userId, view }) => {
        if (userId === this.person.userId) this.showView(view, this.t('console.homeHeading'));
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }

  private isVisibleToMe(message: StoredMessage): boolean {
    if (message.channel.startsWith('D'))
      return this.deps.standIn.dmChannelId(this.person.userId) === message.channel;
    return true;
  }

  private showMessage(message: StoredMessage, edited: boolean): void {
    if (!this.isVisibleToMe(message)) return;
    this.lastMessage = message;
    const where = message.channel.startsWith('D')
      ? this.t('console.inDm')
      : `#${this.deps.standIn.findChannel(message.channel)?.name ?? message.channel}`;
    const surface = renderMessage(
      {
        text: message.text,
        blocks: message.blocks as never,
        botName: message.bot_id ? 'Liaison' : undefined,
        user: message.user,
        threadTs: message.thread_ts,
        edited,
      },
      this.renderContext(),
    );
    this.register(surface.controls, { kind: 'message', ephemeral: false, ...message });
    // Files shared with the message (files.uploadV2, e.g. /liaison export): name, size, how to open.
    const files = ((message.files ?? []) as { name?: string; size?: number }[]).map((shared) =>
      this.t('console.file.shared', { name: shared.name ?? '?', size: shared.size ?? 0 }),
    );
    this.deps.print([`── ${where} ──`, surface.text, ...files].join('\n'));
  }

  private showEphemeral(message: StoredEphemeral): void {
    const surface = renderMessage(
      { text: message.text, blocks: message.blocks as never, botName: 'Liaison' },
      this.renderContext(),
    );
    this.register(surface.controls, {
      kind: 'message',
      channel: message.channel,
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
      ephemeral: true,
    });
    this.deps.print(`── ${this.t('console.onlyVisibleToYou')} ──\n${surface.text}`);
  }

  private showModal(view: StoredView): void {
    const sameModal = this.modal?.view.id === view.id ? this.modal : undefined;
    const values = sameModal?.values ?? {};
    // Re-showing the same modal (a field filled in, an error) keeps its numbers stable.
    const firstIndex = sameModal?.controls[0]?.index ?? this.nextIndex;
    const surface = renderView(view as unknown as View, this.renderContext(firstIndex), {
      values,
      fieldErrors: view.errors,
    });
    this.register(surface.controls, { kind: 'view', viewId: view.id });
    this.modal = { view, controls: surface.controls, values };
    this.deps.print(
      `── ${this.t('console.modalHeading')} ──\n${surface.text}\n${this.t('console.modalHint')}`,
    );
  }

  private showView(view: StoredView, heading: string): void {
    const surface = renderView(view as unknown as View, this.renderContext());
    this.register(surface.controls, { kind: 'view', viewId: view.id });
    this.deps.print(`── ${heading} ──\n${surface.text}`);
  }

  private actionTs(): string {
    this.actionCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.actionCounter).padStart(6, '0')}`;
  }

  /** Handles one typed line; resolves false when the person asked to quit. */
  async handle(line: string): Promise<boolean> {
    const input = parseConsoleInput(line);
    const { standIn, receiver } = this.deps;
    switch (input.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'help':
        this.deps.print(consoleHelpText(this.locale));
        return true;
      case 'unknown':
        this.deps.print(input.message);
        return true;
      case 'slash': {
        const actor = this.actor();
        const responseUrl = standIn.createResponseUrl({ channelId: actor.channelId, userId: actor.userId });
        const ack = await receiver.dispatch(
          slashCommandBody(actor, {
            command: input.command,
            text: input.text,
            responseUrl,
            triggerId: standIn.createTriggerId({ userId: actor.userId }),
          }),
        );
        // An answer in the acknowledgement is shown as Slack shows it: privately, right away.
        standIn.applyCommandResponse(responseUrl, ack);
        return true;
      }
      case 'home':
        await receiver.dispatch(
          eventEnvelope(this.actor(), {
            type: 'app_home_opened',
            user: this.person.userId,
            channel: standIn.dmChannelId(this.person.userId) ?? 'D0CONSOLE',
            tab: 'home',
            event_ts: this.actionTs(),
          }),
        );
        return true;
      case 'as':
        this.switchPerson(input.user);
        return true;
      case 'say':
        // As Slack's client sends typed text: & < > as entities, so nothing typed becomes
        // markup; a typed `\n` is a new line (Shift-Enter in Slack).
        standIn.postUserMessage({
          channelId: this.deps.channel.id,
          userId: this.person.userId,
          text: input.text
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/\\n/g, '\n'),
        });
        return true;
      case 'inbox':
        this.showInbox();
        return true;
      case 'channel':
        this.showChannel(input.name);
        return true;
      case 'open':
        this.openFile(input.name);
        return true;
      case 'untick':
        await this.untick(input.control, input.choices);
        return true;
      case 'escalate-this':
        await this.escalateThis();
        return true;
      case 'submit':
        await this.submit();
        return true;
      case 'cancel':
        await this.cancel();
        return true;
      default:
        await this.operate(input);
        return true;
    }
  }

  /** The "Escalate this" message shortcut, as Slack sends it, on the last message shown. */
  private async escalateThis(): Promise<void> {
    const message = this.lastMessage;
    if (!message) {
      this.deps.print(this.t('escalationRaise.console.noMessage'));
      return;
    }
    const { standIn, channel } = this.deps;
    const actor = this.actor();
    await this.deps.receiver.dispatch(
      messageShortcutBody(actor, {
        callbackId: SHORTCUTS.escalateThis,
        message: {
          ts: message.ts,
          channel: message.channel,
          text: message.text,
          ...(message.user ? { user: message.user } : {}),
        },
        channelName: message.channel === channel.id ? channel.name : 'directmessage',
        responseUrl: standIn.createResponseUrl({
          channelId: message.channel,
          userId: actor.userId,
          messageTs: message.ts,
        }),
        triggerId: standIn.createTriggerId({ userId: actor.userId }),
        actionTs: this.actionTs(),
      }),
    );
  }

  private switchPerson(query: string): void {
    const q = query.toLowerCase();
    const match =
      this.deps.people.find((p) => p.userId.toLowerCase() === q || p.userName.toLowerCase() === q) ??
      this.deps.people.find((p) => p.realName.toLowerCase().includes(q));
    if (!match) {
      const names = this.deps.people.map((p) => `${p.userName} (${p.realName})`).join(', ');
      this.deps.print(this.t('console.noSuchPerson', { query, names }));
      return;
    }
    this.person = match;
    this.modal = undefined;
    const dms = this.inboxMessages().length;
    this.deps.print(
      [
        this.t('console.nowActingAs', { name: match.realName, userId: match.userId }),
        ...(dms > 0 ? [this.t('console.inboxWaiting', { count: dms })] : []),
      ].join('\n'),
    );
  }

  /** Top-level messages of a conversation, oldest first. */
  private topLevel(channelId: string): StoredMessage[] {
    return this.deps.standIn
      .messages(channelId)
      .filter((message) => !message.thread_ts || message.thread_ts === message.ts);
  }

  private inboxMessages(): StoredMessage[] {
    const dm = this.deps.standIn.dmChannelId(this.person.userId);
    return dm ? this.topLevel(dm) : [];
  }

  /** Shows the latest messages, oldest first, as Slack's history would, each with live controls. */
  private showLatest(messages: StoredMessage[], heading: string): void {
    this.deps.print(`══ ${heading} ══`);
    for (const message of messages.slice(-LATEST)) this.showMessage(message, Boolean(message.edited));
  }

  private showInbox() {
    const messages = this.inboxMessages();
    if (messages.length === 0) return this.deps.print(this.t('console.inbox.empty'));
    this.showLatest(
      messages,
      this.t('console.inbox.heading', { count: messages.length, shown: Math.min(LATEST, messages.length) }),
    );
  }

  private showChannel(name: string | undefined) {
    const { standIn } = this.deps;
    const names = standIn
      .channelList()
      .map((channel) => `#${channel.name}`)
      .join(', ');
    if (name === undefined) return this.deps.print(this.t('console.channel.list', { names }));
    const channel = standIn.findChannel(name);
    if (!channel || channel.isIm)
      return this.deps.print(this.t('console.channel.unknown', { query: name, names }));
    const messages = this.topLevel(channel.id);
    if (messages.length === 0)
      return this.deps.print(this.t('console.channel.empty', { channel: channel.name }));
    this.showLatest(
      messages,
      this.t('console.channel.heading', {
        channel: channel.name,
        count: messages.length,
        shown: Math.min(LATEST, messages.length),
      }),
    );
  }

  /** Files the acting person can see: shared in a channel or in their own DM. */
  private myFiles(): StandInFile[] {
    const dm = this.deps.standIn.dmChannelId(this.person.userId);
    return this.deps.standIn
      .uploadedFiles()
      .filter((file) => file.channels.some((channel) => channel.startsWith('C') || channel === dm));
  }

  private openFile(query: string | undefined) {
    const files = this.myFiles();
    const names = [...new Set(files.map((file) => file.name))].join(', ');
    if (files.length === 0) return this.deps.print(this.t('console.file.none'));
    if (query === undefined) return this.deps.print(this.t('console.file.list', { names }));
    const wanted = query.toLowerCase();
    // The latest file of that name (an export repeated today has the same name).
    const file = [...files]
      .reverse()
      .find((candidate) => candidate.id.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted);
    if (!file) return this.deps.print(this.t('console.file.unknown', { query, names }));
    const bytes = this.deps.standIn.fileBytes(file.id) ?? Buffer.alloc(0);
    mkdirSync(this.deps.downloadsDir, { recursive: true });
    const path = join(this.deps.downloadsDir, basename(file.name));
    writeFileSync(path, bytes);
    const heading = `── ${this.t('console.file.heading', { name: file.name, size: bytes.length })} ──`;
    const text = bytes.toString('utf8');
    // Binary content (a chart image) is only saved; text is shown, its first lines if long.
    if (bytes.includes(0) || text.includes('\uFFFD'))
      return this.deps.print([heading, this.t('console.file.savedTo', { path })].join('\n'));
    const lines = text.replace(/\n$/, '').split('\n');
    const tail =
      lines.length > FILE_LINES
        ? this.t('console.file.truncated', { shown: FILE_LINES, total: lines.length, path })
        : this.t('console.file.savedTo', { path });
    this.deps.print([heading, ...lines.slice(0, FILE_LINES), tail].join('\n'));
  }

  /** Unticks options of a checkbox group or multi-select, keeping the others ticked. */
  private async untick(index: number, choices: string[]): Promise<void> {
    const entry = this.controls.get(index);
    if (!entry) return this.deps.print(this.t('console.noSuchControl', { number: index }));
    const { control, origin } = entry;
    const removing = resolveControlInput(control, { kind: 'choose', control: index, choices });
    if (!removing.ok) return this.deps.print(removing.error.message);
    const gone = removing.value?.kind === 'selection' ? removing.value.selected : [];
    const values =
      origin.kind === 'view' && this.modal?.view.id === origin.viewId ? this.modal.values : undefined;
    const current = currentFieldValue(values, control);
    const kept = (current?.kind === 'selection' ? current.selected : []).filter((id) => !gone.includes(id));
    await this.operate({ kind: 'choose', control: index, choices: kept.length === 0 ? ['none'] : kept });
  }

  private async operate(command: ControlCommand): Promise<void> {
    const entry = this.controls.get(command.control);
    const found = findControl(entry ? [entry.control] : [], command.control);
    if (!entry || !found.ok) {
      this.deps.print(this.t('console.noSuchControl', { number: command.control }));
      return;
    }
    const { control, origin } = entry;
    if (origin.kind === 'view') return this.operateInView(control, origin.viewId, command);
    const built = buildActionFromControl(control, command, { actionTs: this.actionTs() });
    if (!built.ok) return this.deps.print(built.error.message);
    const actor = this.actor();
    await this.deps.receiver.dispatch(
      messageBlockActionsBody(actor, {
        action: built.value.action,
        message: { ts: origin.ts, channel: origin.channel, text: origin.text, blocks: origin.blocks },
        ephemeral: origin.ephemeral,
        responseUrl: this.deps.standIn.createResponseUrl({
          channelId: origin.channel,
          userId: actor.userId,
          messageTs: origin.ts,
        }),
        triggerId: this.deps.standIn.createTriggerId({ userId: actor.userId }),
      }),
    );
  }

  private async operateInView(control: Control, viewId: string, command: ControlCommand): Promise<void> {
    const modal = this.modal?.view.id === viewId ? this.modal : undefined;
    const home = this.deps.standIn.homeView(this.person.userId);
    const view = modal?.view ?? (home?.id === viewId ? home : undefined);
    if (!view) {
      this.deps.print(this.t('console.viewGone'));
      return;
    }
    if (modal && control.field && !control.dispatchesAction) {
      const resolved = resolveControlInput(control, command);
      if (!resolved.ok) return this.deps.print(resolved.error.message);
      if (resolved.value) modal.values = setFieldValue(modal.values, control, resolved.value);
      this.showModal(modal.view);
      return;
    }
    const built = buildActionFromControl(control, command, { actionTs: this.actionTs() });
    if (!built.ok) return this.deps.print(built.error.message);
    if (modal && built.value.value) modal.values = setFieldValue(modal.values, control, built.value.value);
    await this.deps.receiver.dispatch(
      viewBlockActionsBody(this.actor(), {
        action: built.value.action,
        view: view as unknown as Record<string, unknown>,
        values: modal ? buildViewStateValues(modal.controls, modal.values) : {},
        triggerId: this.deps.standIn.createTriggerId({ userId: this.person.userId }),
      }),
    );
  }

  private async submit(): Promise<void> {
    const modal = this.modal;
    if (!modal) return this.deps.print(this.t('console.noModal'));
    const errors = validateSubmission(modal.controls, modal.values, this.locale);
    if (Object.keys(errors).length > 0) {
      this.showModal({ ...modal.view, errors });
      return;
    }
    const ack = await this.deps.receiver.dispatch(
      viewSubmissionBody(this.actor(), {
        view: modal.view as unknown as Record<string, unknown>,
        values: buildViewStateValues(modal.controls, modal.values),
        triggerId: this.deps.standIn.createTriggerId({ userId: this.person.userId }),
      }),
    );
    this.deps.standIn.applyViewResponse(this.person.userId, ack);
  }

  private async cancel(): Promise<void> {
    if (!this.modal) return this.deps.print(this.t('console.noModal'));
    const outcome = this.deps.standIn.closeModal(this.person.userId);
    for (const view of outcome.closed.filter((v) => v.notify_on_close)) {
      await this.deps.receiver.dispatch(
        viewClosedBody(this.actor(), view as unknown as Record<string, unknown>),
      );
    }
  }
}
