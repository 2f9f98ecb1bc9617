import { parseTimeOfDay } from '../digest/digest-schedule.rules.js';

export type KpiDigestCadence = 'daily' | 'weekly';

/** What `/kpi digest subscribe #channel [KPI keys or department] [daily|weekly] [HH:MM]` asks for. */
export interface KpiSubscribeRequest {
  channelId: string;
  /** One department key, or KPI keys (told apart by the service). */
  targets: string[];
  cadence: KpiDigestCadence;
  timeOfDay: string;
}

export type KpiSubscribeParse =
  | { ok: true; request: KpiSubscribeRequest }
  | { ok: false; error: 'channel' | 'time' | 'targets' };

/** Weekly digests go on Mondays at 09:00 unless a time is given. */
export const KPI_DIGEST_DEFAULT_TIME = '09:00';
export const KPI_DIGEST_WEEKDAY = 1;

/** A channel as Slack writes it in command text: `<#C123|name>` or `<#C123>`; null otherwise. */
export function channelIdOf(word: string | undefined): string | null {
  const match = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word ?? '');
  return match?.[1] ?? null;
}

/** Reads the words after `subscribe`. KPI keys may be separated by spaces or commas. */
export function parseKpiSubscribe(words: readonly string[]): KpiSubscribeParse {
  const [channelWord, ...rest] = words;
  const channelId = channelIdOf(channelWord);
  if (!channelId) return { ok: false, error: 'channel' };
  let cadence: KpiDigestCadence = 'weekly';
  let timeOfDay = KPI_DIGEST_DEFAULT_TIME;
  const targets: string[] = [];
  for (const word of rest.flatMap((w) => w.split(',')).filter(Boolean)) {
    const lower = word.toLowerCase();
    if (lower === 'daily' || lower === 'weekly') cadence = lower;
    else if (/^\d{1,2}[:：]\d+$/.test(word)) {
      const time = parseTimeOfDay(word);
      if (!time) return { ok: false, error: 'time' };
      timeOfDay = time;
    } else targets.push(lower);
  }
  if (targets.length === 0) return { ok: false, error: 'targets' };
  return { ok: true, request: { channelId, targets: [...new Set(targets)], cadence, timeOfDay } };
}
