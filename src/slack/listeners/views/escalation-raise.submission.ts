import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { MessageKey } from '../../../i18n/catalog.js';
import type { DepartmentWithMembers } from '../../../modules/departments/departments.types.js';
import {
  type RaiseInput,
  SEVERITIES,
  type Severity,
} from '../../../modules/escalations/escalations.types.js';
import { DomainError, isDomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import { decodeRaiseMetadata } from '../../escalations/raise-metadata.js';
import { ESCALATION_RAISE_FIELDS } from '../../ids.js';
import type { ViewSubmissionArgs } from '../../listener-args.types.js';
import { parseEscalationOptions } from '../../parsers/escalation-options.parser.js';
import { firstInputBlock, readViewState, withModalErrors } from '../../parsers/view-state.parser.js';
import { escalationRaisedMessage } from '../../views/escalation-raise.view.js';
import { departmentName } from '../../views/person-summary.js';

/** The service's field names → the modal's blocks. */
const FIELD_BLOCKS: Record<string, string> = {
  title: ESCALATION_RAISE_FIELDS.title,
  blocked: ESCALATION_RAISE_FIELDS.blocked,
  impact: ESCALATION_RAISE_FIELDS.impact,
  decisionNeeded: ESCALATION_RAISE_FIELDS.decisionNeeded,
  options: ESCALATION_RAISE_FIELDS.options,
  departments: ESCALATION_RAISE_FIELDS.counterparts,
  raiserDepartment: ESCALATION_RAISE_FIELDS.raiserDepartment,
  wantedBy: ESCALATION_RAISE_FIELDS.wantedBy,
};

/** The service names a field in some messages ("“{field}” is required"): in the reader's words. */
const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'escalationRaise.field.title',
  blocked: 'escalationRaise.field.blocked',
  impact: 'escalationRaise.field.impact',
  decisionNeeded: 'escalationRaise.field.decisionNeeded',
  options: 'escalationRaise.field.options',
};

const isSeverity = (value: string | null | undefined): value is Severity =>
  SEVERITIES.includes(value as Severity);

/** Tells the raiser privately where they were, or by DM when Liaison cannot post there. */
async function tellRaiser(
  client: WebClient,
  where: { channelId: string | null; userId: string },
  message: { text: string; blocks: KnownBlock[] },
): Promise<void> {
  if (where.channelId) {
    try {
      await client.chat.postEphemeral({ channel: where.channelId, user: where.userId, ...message });
      return;
    } catch {
      // Not in that channel (or a DM between other people): the DM below still reaches them.
    }
  }
  await client.chat.postMessage({ channel: where.userId, ...message });
}

/**
 * The raise modal was submitted. Everything the person typed is checked before the modal is
 * acknowledged, so a problem shows under its field in their language; on success the modal
 * closes and the raiser is told the escalation's number, who is at its level and the deadline.
 */
export function escalationRaiseSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const { replyChannelId, source } = await withModalErrors({}, firstInputBlock(view), async () =>
      decodeRaiseMetadata(view.private_metadata),
    );
    const esc = await withModalErrors(FIELD_BLOCKS, firstInputBlock(view), async () => {
      const state = readViewState(view.state.values);
      const raiserDepartmentId = state.option(ESCALATION_RAISE_FIELDS.raiserDepartment) ?? '';
      // The select offers only their own departments; the service refuses a forged one.
      const severity = state.option(ESCALATION_RAISE_FIELDS.severity);
      const input: RaiseInput = {
        title: state.text(ESCALATION_RAISE_FIELDS.title) ?? '',
        blocked: state.text(ESCALATION_RAISE_FIELDS.blocked) ?? '',
        impact: state.text(ESCALATION_RAISE_FIELDS.impact) ?? '',
        decisionNeeded: state.text(ESCALATION_RAISE_FIELDS.decisionNeeded) ?? '',
        options: parseEscalationOptions(state.text(ESCALATION_RAISE_FIELDS.options) ?? ''),
        severity: isSeverity(severity) ? severity : 'NORMAL',
        raiserDepartmentId,
        counterpartDepartmentIds: state.options(ESCALATION_RAISE_FIELDS.counterparts) ?? [],
        wantedBy: state.date(ESCALATION_RAISE_FIELDS.wantedBy) ?? null,
        ...(source ? { source } : {}),
      };
      try {
        return await deps.escalations.raise(actor.subject, input);
      } catch (error) {
        const label = isDomainError(error)
          ? FIELD_LABELS[String(error.userMessage.params?.field)]
          : undefined;
        if (!isDomainError(error) || !label) throw error;
        throw new DomainError(
          error.code,
          { key: error.userMessage.key, params: { ...error.userMessage.params, field: actor.t(label) } },
          { ...(error.field ? { field: error.field } : {}), detail: error.message },
        );
      }
    });
    await ack();
    const byId = new Map((await deps.departments.list(actor.subject)).map((d) => [d.id, d]));
    // The raiser's department first, as the escalation lists them, with who really holds each level.
    const holding = (department: DepartmentWithMembers, role: 'LEAD' | 'HEAD') =>
      department.members.filter((m) => m.role === role).map((m) => m.realName || m.displayName);
    const names = esc.departments.flatMap(({ departmentId }) => {
      const department = byId.get(departmentId);
      return department
        ? [
            {
              name: departmentName(department, actor.locale),
              people: { 1: holding(department, 'LEAD'), 2: holding(department, 'HEAD') },
            },
          ]
        : [];
    });
    await tellRaiser(
      client,
      { channelId: replyChannelId ?? source?.channelId ?? null, userId: body.user.id },
      escalationRaisedMessage({ t: actor.t, locale: actor.locale, timeZone: actor.timeZone }, esc, names),
    );
  };
}
