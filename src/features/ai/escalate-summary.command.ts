import type { RespondFn } from '@slack/bolt';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { servicesOf } from '../feature-registry.js';
import { aiFeature } from './ai.feature.js';
import { replyWithSummary } from './escalation-summary.listeners.js';

/** "ESC-12", "esc 12", "#12" or "12" → 12; undefined otherwise. */
export function parseEscalationRef(text: string): number | undefined {
  const match = /^(?:esc[-\s]?|#)?([1-9]\d{0,8})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** `/escalate summary ESC-N`: the private, cited summary of one escalation. */
export async function escalateSummary(
  deps: SlackDeps,
  actor: RequestActor,
  respond: RespondFn,
  args: string,
): Promise<void> {
  const number = parseEscalationRef(args);
  if (number === undefined)
    throw new DomainError(
      'ai.summary.usage',
      { key: 'ai.summary.usage' },
      { detail: `${actor.person.slackUserId} typed "/escalate summary ${args.slice(0, 100)}"` },
    );
  await replyWithSummary(servicesOf(deps, aiFeature).summaries, actor, respond, number);
}
