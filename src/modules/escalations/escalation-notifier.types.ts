import type { Recipient, Severity } from './escalations.types.js';

export type NoticeType =
  | 'raised'
  | 'breached'
  | 'reping'
  | 'escalated'
  | 'acknowledged'
  | 'proposed'
  | 'rejected'
  | 'resolved'
  | 'reopened'
  | 'reassigned'
  | 'markedForMeeting';

/** One thing worth telling people about an escalation; the Slack layer renders it per recipient. */
export interface EscalationNotice {
  type: NoticeType;
  /** Unique per logical notice (an event id, a ping slot): a retried send is a no-op. */
  key: string;
  escalation: {
    id: string;
    workspaceId: string;
    number: number;
    title: string;
    severity: Severity;
    level: number;
    slaDueAt: Date | null;
  };
  recipients: readonly Recipient[];
  /** Breaches: the deadline that passed, and whether it was found long after (downtime). */
  breachedDeadline?: Date;
  late?: boolean;
}

/** How the domain tells people; implemented over notify() in src/slack/escalations. */
export interface EscalationNotifier {
  send(notice: EscalationNotice): Promise<void>;
}

export const silentNotifier: EscalationNotifier = { send: async () => undefined };
