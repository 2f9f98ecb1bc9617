import type { StandInChannel, StandInUser } from './types.js';
import type { Workspace } from './workspace.js';

export interface ChannelRecord {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  isIm: boolean;
  isMpim: boolean;
  /** The other party of a DM. */
  user?: string;
  members?: string[];
  locale?: string;
  createdSec: number;
}

/** Users, channels and DMs: the part of a workspace the app can look up but not change. */
export class Directory {
  readonly #users = new Map<string, StandInUser>();
  readonly #channels = new Map<string, ChannelRecord>();
  /** Keyed by the sorted member list so the same people always get the same DM/MPIM id. */
  readonly #dms = new Map<string, string>();

  constructor(private readonly ws: Workspace) {}

  addUser(user: StandInUser): void {
    // Fail at seeding time, not at the first users.info, when a zone is misspelt.
    if (user.tz) tzOffsetSeconds(user.tz, this.ws.now());
    this.#users.set(user.id, { ...user });
  }

  user(id: string): StandInUser | undefined {
    return this.#users.get(id);
  }

  users(): StandInUser[] {
    return [...this.#users.values()];
  }

  userByEmail(email: string): StandInUser | undefined {
    const wanted = email.toLowerCase();
    return this.users().find((user) => user.email?.toLowerCase() === wanted);
  }

  addChannel(channel: StandInChannel): void {
    this.#channels.set(channel.id, {
      id: channel.id,
      name: channel.name,
      isPrivate: channel.isPrivate ?? false,
      isArchived: channel.isArchived ?? false,
      isIm: false,
      isMpim: false,
      ...(channel.members ? { members: [...channel.members] } : {}),
      ...(channel.locale ? { locale: channel.locale } : {}),
      createdSec: Math.floor(this.ws.now() / 1000),
    });
  }

  /** Accepts an id or a `#name`/`name`, as chat.postMessage does. */
  channel(idOrName: string): ChannelRecord | undefined {
    const byId = this.#channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, '');
    return [...this.#channels.values()].find((channel) => !channel.isIm && channel.name === name);
  }

  /** Public and private channels (no DMs), in the order they were added. */
  channels(): ChannelRecord[] {
    return [...this.#channels.values()].filter((channel) => !channel.isIm && !channel.isMpim);
  }

  /** DMs and group DMs opened so far. */
  conversations(): ChannelRecord[] {
    return [...this.#channels.values()].filter((channel) => channel.isIm || channel.isMpim);
  }

  /** A DM or group DM an earlier run opened: the same people get the same id again. */
  restoreConversation(channel: ChannelRecord): void {
    this.#channels.set(channel.id, { ...channel });
    const others = (channel.members ?? []).filter((id) => id !== this.ws.botUserId).sort();
    this.#dms.set(others.join(','), channel.id);
  }

  dmChannelId(userId: string): string | undefined {
    return this.#dms.get(userId);
  }

  /** conversations.open: one stable id per person (D…) or per group of people (G…). */
  open(userIds: string[]): { channel: ChannelRecord; alreadyOpen: boolean } {
    const others = [...new Set(userIds)].filter((id) => id !== this.ws.botUserId).sort();
    const key = others.join(',');
    const existing = this.#dms.get(key);
    const existingChannel = existing ? this.#channels.get(existing) : undefined;
    if (existingChannel) return { channel: existingChannel, alreadyOpen: true };
    const isIm = others.length === 1;
    const id = this.ws.nextId(isIm ? 'D' : 'G');
    const channel: ChannelRecord = {
      id,
      name: isIm ? id : `mpdm-${[this.ws.botName, ...others].join('--')}-1`,
      isPrivate: true,
      isArchived: false,
      isIm,
      isMpim: !isIm,
      ...(isIm ? { user: others[0] } : {}),
      members: [this.ws.botUserId, ...others],
      createdSec: Math.floor(this.ws.now() / 1000),
    };
    this.#channels.set(id, channel);
    this.#dms.set(key, id);
    return { channel, alreadyOpen: false };
  }

  toWireUser(user: StandInUser, includeLocale: boolean): Record<string, unknown> {
    const tz = user.tz ?? 'UTC';
    const name = user.name ?? user.id.toLowerCase();
    const realName = user.realName ?? name;
    const displayName = user.displayName ?? '';
    const isBot = user.isBot ?? false;
    const [firstName = '', ...rest] = realName.split(' ');
    const images = Object.fromEntries(
      [24, 32, 48, 72, 192, 512].map((size) => [
        `image_${size}`,
        `https://a.slack-edge.com/${user.id}-${size}.png`,
      ]),
    );
    return {
      id: user.id,
      team_id: this.ws.teamId,
      name,
      deleted: user.deleted ?? false,
      color: '9f69e7',
      real_name: realName,
      tz,
      tz_label: tzLabel(tz, this.ws.now()),
      tz_offset: tzOffsetSeconds(tz, this.ws.now()),
      profile: {
        title: '',
        phone: '',
        skype: '',
        real_name: realName,
        real_name_normalized: realName,
        display_name: displayName,
        display_name_normalized: displayName,
        fields: null,
        status_text: '',
        status_emoji: '',
        status_expiration: 0,
        avatar_hash: 'g0000000000',
        ...(user.email ? { email: user.email } : {}),
        first_name: firstName,
        last_name: rest.join(' '),
        ...images,
        team: this.ws.teamId,
        ...(isBot && user.id === this.ws.botUserId
          ? { bot_id: this.ws.botId, api_app_id: this.ws.appId }
          : {}),
      },
      is_admin: user.isAdmin ?? false,
      is_owner: user.isOwner ?? false,
      is_primary_owner: false,
      is_restricted: user.isRestricted ?? false,
      is_ultra_restricted: false,
      is_bot: isBot,
      is_app_user: false,
      updated: Math.floor(this.ws.now() / 1000),
      is_email_confirmed: !isBot,
      who_can_share_contact_card: 'EVERYONE',
      ...(includeLocale ? { locale: user.locale ?? 'en-US' } : {}),
    };
  }

  toWireChannel(
    channel: ChannelRecord,
    options: { includeLocale: boolean; includeNumMembers: boolean },
  ): Record<string, unknown> {
    const common = {
      id: channel.id,
      created: channel.createdSec,
      is_archived: channel.isArchived,
      is_org_shared: false,
      context_team_id: this.ws.teamId,
      updated: channel.createdSec * 1000,
      ...(options.includeLocale ? { locale: channel.locale ?? 'en-US' } : {}),
    };
    if (channel.isIm) {
      return { ...common, is_im: true, user: channel.user, is_user_deleted: false, priority: 0 };
    }
    const memberCount = channel.members?.length ?? this.#users.size;
    return {
      ...common,
      name: channel.name,
      name_normalized: channel.name,
      is_channel: !channel.isMpim,
      is_group: channel.isMpim,
      is_im: false,
      is_mpim: channel.isMpim,
      is_private: channel.isPrivate,
      is_general: channel.name === 'general',
      is_shared: false,
      is_ext_shared: false,
      is_pending_ext_shared: false,
      is_member: true,
      unlinked: 0,
      parent_conversation: null,
      creator: this.ws.botUserId,
      shared_team_ids: [this.ws.teamId],
      pending_shared: [],
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      previous_names: [],
      ...(options.includeNumMembers ? { num_members: memberCount } : {}),
    };
  }
}

/** Seconds east of UTC right now, which is what Slack's `tz_offset` reports (DST included). */
export function tzOffsetSeconds(timeZone: string, atMs: number): number {
  const label = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(atMs)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label ?? '');
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  const seconds = Number(hours) * 3600 + Number(minutes) * 60;
  return sign === '-' ? -seconds : seconds;
}

function tzLabel(timeZone: string, atMs: number): string {
  return (
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' })
      .formatToParts(atMs)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}
