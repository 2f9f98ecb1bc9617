import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { AccessSubject } from '../../../modules/access/access.types.js';
import type { EscalationsService } from '../../../modules/escalations/escalations.service.js';
import type { EscalationDto } from '../../../modules/escalations/escalations.types.js';
import { DomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import type { ButtonArgs } from '../../listener-args.types.js';
import {
  reassignModal,
  resolveModal,
  type TextStep,
  textStepModal,
} from '../../views/escalation-step-modals.view.js';

/** A button's value: the escalation number in the clicker's workspace. */
export const escalationNumber = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);

function numberOf(args: ButtonArgs): number {
  const parsed = escalationNumber.safeParse(args.action.value);
  if (!parsed.success)
    throw new DomainError(
      'escalation.bad_button',
      { key: 'escalationCards.errors.badButton' },
      { detail: `${args.action.action_id} carried ${String(args.action.value).slice(0, 100)}` },
    );
  return parsed.data;
}

/** A private line to the clicker where the button was (channel card or DM). */
async function confirm(args: ButtonArgs, text: string): Promise<void> {
  await args.respond({ response_type: 'ephemeral', replace_original: false, text });
}

type DirectStep = 'acknowledge' | 'accept' | 'markForMeeting';
const DIRECT: Record<
  DirectStep,
  (s: EscalationsService, a: AccessSubject, n: number) => Promise<EscalationDto>
> = {
  acknowledge: (s, a, n) => s.acknowledge(a, n),
  accept: (s, a, n) => s.accept(a, n),
  markForMeeting: (s, a, n) => s.markForMeeting(a, n, ''),
};

/**
 * Acknowledge, Accept, Mark for meeting: one click, no modal. The service authorizes; a
 * refusal reaches only the clicker (error handler, their language) and nothing changes.
 * The card follows through the service's change hook.
 */
export function escalationDirectButton(deps: SlackDeps, step: DirectStep) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const number = numberOf(args);
    await DIRECT[step](deps.escalations, actor.subject, number);
    await confirm(args, actor.t(`escalationCards.done.${step}`, { esc: `ESC-${number}` }));
  };
}

type ModalStep = TextStep | 'reassign' | 'resolve';
const ACTION_OF: Record<ModalStep, 'propose' | 'reject' | 'escalate' | 'reopen' | 'reassign' | 'resolve'> = {
  propose: 'propose',
  reject: 'reject',
  escalate: 'escalate',
  reopen: 'reopen',
  reassign: 'reassign',
  resolve: 'resolve',
};

/**
 * Propose…, Reject…, Escalate now…, Reassign…, Resolve…, Reopen…: checked first with the
 * service's own rules (a refused person gets the refusal, not a modal), then the modal.
 */
export function escalationModalButton(deps: SlackDeps, step: ModalStep) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const number = numberOf(args);
    await deps.escalationCards.checkStep(actor.subject, number, ACTION_OF[step]);
    const esc = await deps.escalations.get(actor.subject, number);
    const view: ModalView =
      step === 'resolve'
        ? resolveModal(esc, actor.t)
        : step === 'reassign'
          ? reassignModal(esc, actor.t)
          : textStepModal(step, esc, actor.t);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view });
  };
}

/** Every escalation button, on cards and on DM notices alike. */
