/** Quiet hours in the person's local time, minutes after midnight; start > end wraps midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/**
 * Defaults for people who chose nothing: no DMs 21:00–08:00 in their own zone (the usual
 * "don't ping me at night"), and at most 10 non-urgent notifications per local day — more
 * than a busy day of check-ins, reminders and escalations for one person should need.
 */
export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 };
export const DEFAULT_DAILY_CAP = 10;

/** Everything the budget needs to know about one person. */
export interface BudgetPerson {
  personId: string;
  workspaceId: string;
  slackUserId: string;
  /** False once Slack deactivated the account: such a person receives nothing at all. */
  active: boolean;
  /** The person's zone, or the workspace default when Slack told us none. */
  timeZone: string;
  /** 'en' | 'zh-CN' resolved from the person's and the workspace's language. */
  locale: string;
  /** null when quiet hours are off. */
  quietHours: QuietHours | null;
  /** True when the person never chose (the defaults apply). */
  quietHoursAreDefault: boolean;
  dailyCap: number;
  mutedKinds: string[];
  /** Snoozes still running; kind null means every notification. */
  snoozes: { kind: string | null; until: Date }[];
  /** Out-of-office periods not yet over, as local dates (inclusive): everything waits until after. */
  absences: readonly { from: string; to: string }[];
}

export type BudgetDecision =
  | { action: 'send' }
  | { action: 'hold'; until: Date; reason: 'quiet_hours' | 'daily_cap' | 'snoozed' | 'away' }
  | { action: 'drop'; reason: 'muted' | 'inactive' };
