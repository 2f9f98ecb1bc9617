import { expect } from 'vitest';
import { servicesOf } from '../../../src/features/feature-registry.js';
import { okrsFeature } from '../../../src/features/okrs/okrs.feature.js';
import { OKR_COMMAND, OKR_FIELDS } from '../../../src/features/okrs/okrs.ids.js';
import type { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';

type State = ReturnType<typeof calendarLiaisonForThisFile>['state'];

export const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
export const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
export const users = (ids: string[]) => ({ value: { type: 'multi_users_select', selected_users: ids } });

/** Drives `/okr` and its modals through the real app, as Slack would. */
export function okrDriver(state: State) {
  const slack = () => state.liaison.slack;

  async function okr(userId: string, commandText: string) {
    slack().reset();
    const response = await state.driver.slashCommand({
      command: OKR_COMMAND,
      text: commandText,
      userId,
      channelId: 'C0GENERAL',
    });
    expect(response.status).toBe(200);
    await slack()
      .waitForCall('response_url', undefined, 10_000)
      .catch(() => undefined);
    return slack().ephemerals(userId, 'C0GENERAL').at(-1);
  }

  async function openModal(userId: string, commandText: string) {
    slack().reset();
    await state.driver.slashCommand({
      command: OKR_COMMAND,
      text: commandText,
      userId,
      channelId: 'C0GENERAL',
    });
    await slack().waitForCall('views.open', undefined, 10_000);
    const modal = slack().currentModal(userId);
    if (!modal) throw new Error(`no modal for /okr ${commandText}`);
    return modal;
  }

  async function submit(
    userId: string,
    view: { id: string },
    values: Record<string, Record<string, unknown>>,
  ) {
    slack().clearCalls();
    const response = await state.driver.viewSubmission({ userId, view, values });
    expect(response.status).toBe(200);
    const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
    return ack?.response_action === 'errors' ? (ack.errors ?? {}) : undefined;
  }

  function keyResultValues(kr: {
    title: string;
    kind?: string;
    start?: string;
    target?: string;
    unit?: string;
    owner: string;
  }) {
    return {
      [OKR_FIELDS.krTitle]: text(kr.title),
      [OKR_FIELDS.kind]: select(kr.kind ?? 'METRIC'),
      [OKR_FIELDS.start]: text(kr.start ?? ''),
      [OKR_FIELDS.target]: text(kr.target ?? ''),
      [OKR_FIELDS.unit]: text(kr.unit ?? ''),
      [OKR_FIELDS.owner]: users([kr.owner]),
    };
  }

  return { okr, openModal, submit, keyResultValues };
}

/**
 * The demo's Live Ops (channel C0LIVEOPS, workspace in Shanghai time) with one objective by its
 * lead Lin: "Conversion rate" 2.1 → 2.6 % owned by Chen, plus `extra` key results.
 */
export async function liveOpsConversionObjective(
  state: State,
  extra: { title: string; kind: 'MILESTONE'; ownerSlackUserId: string }[] = [],
) {
  const prisma = state.db.prisma;
  const person = (slackUserId: string) => prisma.person.findFirstOrThrow({ where: { slackUserId } });
  const lin = await person('U0DEMOLIN');
  const chen = await person('U0DEMOCHEN');
  await prisma.workspace.update({
    where: { id: lin.workspaceId },
    data: { defaultTimeZone: 'Asia/Shanghai' },
  });
  const liveOps = await prisma.department.update({
    where: { workspaceId_key: { workspaceId: lin.workspaceId, key: 'live-ops' } },
    data: { slackChannelId: 'C0LIVEOPS' },
  });
  const subject = await state.liaison.deps.authorization.subjectOf(lin.id);
  const objective = await servicesOf(state.liaison.deps, okrsFeature).okrs.createObjective(
    subject,
    'Asia/Shanghai',
    {
      title: 'Make live sessions convert',
      departmentId: liveOps.id,
      keyResults: [
        {
          title: 'Conversion rate',
          kind: 'METRIC',
          startValue: 2.1,
          targetValue: 2.6,
          unit: '%',
          ownerPersonId: chen.id,
        },
        ...(await Promise.all(
          extra.map(async (kr) => ({
            title: kr.title,
            kind: kr.kind,
            ownerPersonId: (await person(kr.ownerSlackUserId)).id,
          })),
        )),
      ],
    },
  );
  return { workspaceId: lin.workspaceId, objective };
}
