import { z } from 'zod';
import type { CheckInAnswer } from '../../modules/okrs/okr-check-in.rules.js';
import { parseNumber } from '../../modules/okrs/okrs.rules.js';
import type { OkrConfidence } from '../../modules/okrs/okrs.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import { openRaiseModal } from '../../slack/escalations/open-raise-modal.js';
import type { ButtonArgs, ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { firstInputBlock, readViewState, withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { servicesOf } from '../feature-registry.js';
import { checkInModal, checkInSavedMessage } from './okr-check-in.view.js';
import { okrsFeature } from './okrs.feature.js';
import { OKR_FIELDS } from './okrs.ids.js';

const windowRef = z.object({ w: z.string().uuid() });
const keyResultRef = z.object({ k: z.string().uuid() });
const CONFIDENCES = new Set<string>(['ON_TRACK', 'AT_RISK', 'OFF_TRACK']);
const reading = (what: string) => ({
  code: 'okr.bad_button',
  message: 'okrs.errors.badButton' as const,
  what,
});

/** "Check in" on the DM: the modal with the owner's key results and their answers so far. */
export function openCheckInButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const actor = await context.actor();
    const { w } = readMetadata(action.value, windowRef, reading('okr.open_check_in value'));
    const open = await servicesOf(deps, okrsFeature).checkIns.open(actor.subject, w);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: checkInModal(open, { t: actor.t, locale: actor.locale, timeZone: actor.timeZone }),
    });
  };
}

/** The check-in modal was submitted: what was filled is saved (partial is fine), the rest waits. */
export function checkInSubmission(deps: SlackDeps) {
  return async ({ ack, view, body, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const { checkIns } = servicesOf(deps, okrsFeature);
    const saved = await withModalErrors({}, firstInputBlock(view), async () => {
      const { w } = readMetadata(view.private_metadata, windowRef, reading('check-in modal metadata'));
      const state = readViewState(view.state.values);
      const ids = new Set(
        Object.keys((view.state.values ?? {}) as Record<string, unknown>).flatMap((block) => {
          const match = /^okr_[a-z]+\.(.+)$/.exec(block);
          return match?.[1] ? [match[1]] : [];
        }),
      );
      const answers: CheckInAnswer[] = [...ids].map((id) => {
        const valueText = (state.text(`${OKR_FIELDS.valuePrefix}${id}`) ?? '').trim();
        const value = valueText === '' ? null : parseNumber(valueText);
        if (valueText !== '' && value === null)
          throw new DomainError(
            'okr.bad_number',
            { key: 'okrs.errors.badNumber' },
            { field: `${OKR_FIELDS.valuePrefix}${id}` },
          );
        const done = state.option(`${OKR_FIELDS.donePrefix}${id}`);
        const confidence = state.option(`${OKR_FIELDS.confidencePrefix}${id}`);
        // The 1–10 scale's options are scores; the service maps them to the three steps.
        const score = confidence && /^\d{1,2}$/.test(confidence) ? Number(confidence) : null;
        return {
          keyResultId: id,
          value,
          done: done === 'yes' ? true : done === 'no' ? false : null,
          confidence: confidence && CONFIDENCES.has(confidence) ? (confidence as OkrConfidence) : null,
          confidenceScore: score,
          comment: (state.text(`${OKR_FIELDS.commentPrefix}${id}`) ?? '').trim() || null,
          blockers: (state.text(`${OKR_FIELDS.blockersPrefix}${id}`) ?? '').trim() || null,
        };
      });
      try {
        return await checkIns.submit(actor.subject, w, answers);
      } catch (error) {
        // "value:<kr id>" → the key result's own input block.
        if (error instanceof DomainError && error.field?.startsWith('value:')) {
          const id = error.field.slice('value:'.length);
          const block =
            state.text(`${OKR_FIELDS.valuePrefix}${id}`) !== undefined
              ? `${OKR_FIELDS.valuePrefix}${id}`
              : `${OKR_FIELDS.donePrefix}${id}`;
          throw new DomainError(error.code, error.userMessage, { field: block, detail: error.message });
        }
        throw error;
      }
    });
    await ack();
    await client.chat.postMessage({ channel: body.user.id, ...checkInSavedMessage(saved, actor.t) });
  };
}

/** "Escalate" next to a blocker: the raise form, prefilled with the key result and the blocker. */
export function escalateBlockerButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const actor = await context.actor();
    const { k } = readMetadata(action.value, keyResultRef, reading('okr.escalate_blocker value'));
    const blocker = await servicesOf(deps, okrsFeature).checkIns.latestBlocker(actor.subject, k);
    await openRaiseModal(deps, actor, {
      client,
      triggerId: body.trigger_id,
      replyChannelId: null,
      prefill: { title: `KR-${blocker.number} ${blocker.title}`.slice(0, 150), blocked: blocker.blockers },
    });
  };
}
