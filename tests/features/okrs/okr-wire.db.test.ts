import { beforeAll, describe, expect, it } from 'vitest';
import { digestFeature } from '../../../src/features/digest/digest.feature.js';
import { servicesOf } from '../../../src/features/feature-registry.js';
import { okrsFeature } from '../../../src/features/okrs/okrs.feature.js';
import { OKR_BLOCKS, OKR_FIELDS } from '../../../src/features/okrs/okrs.ids.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { ESCALATION_REPORT_BLOCKS } from '../../../src/slack/views/escalation-report.view.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';
import { okrDriver, select, text } from './okr-helpers.js';

// Monday 1 December 2036, 09:00 in Shanghai: the quarter is 2036-Q4.
const { state } = calendarLiaisonForThisFile('2036-12-01T01:00:00Z');
const { okr, openModal, submit, keyResultValues } = okrDriver(state);
const db = () => state.db.prisma;
const services = () => servicesOf(state.liaison.deps, okrsFeature);
const person = (slackUserId: string) => db().person.findFirstOrThrow({ where: { slackUserId } });
const ids = { workspaceId: '', liveOps: '', window: '', conversion: '', studio: '' };

beforeAll(async () => {
  const lin = await person('U0DEMOLIN');
  ids.workspaceId = lin.workspaceId;
  await db().workspace.update({ where: { id: lin.workspaceId }, data: { defaultTimeZone: 'Asia/Shanghai' } });
  ids.liveOps = (
    await db().department.findFirstOrThrow({ where: { workspaceId: lin.workspaceId, key: 'live-ops' } })
  ).id;
});

describe('a key result that follows a KPI', () => {
  it('takes its current value from the KPI’s latest sample, set in /okr new and shown in /okr show', async () => {
    const modal = await openModal('U0DEMOLIN', 'new');
    const base = {
      [OKR_FIELDS.title]: text('Make live sessions convert'),
      [OKR_FIELDS.level]: select(ids.liveOps),
      ...keyResultValues({
        title: 'Conversion rate',
        start: '2.1',
        target: '2.6',
        unit: '%',
        owner: 'U0DEMOCHEN',
      }),
    };
    expect(await submit('U0DEMOLIN', modal, { ...base, [OKR_FIELDS.kpi]: text('nope') })).toEqual({
      [OKR_FIELDS.kpi]: expect.stringContaining('nope'),
    });
    expect(
      await submit('U0DEMOLIN', modal, { ...base, [OKR_FIELDS.kpi]: text('Conversion_Rate') }),
    ).toBeUndefined();
    const kpi = await db().kpi.findFirstOrThrow({
      where: { workspaceId: ids.workspaceId, key: 'conversion_rate' },
    });
    const kr = await db().okrKeyResult.findFirstOrThrow({ where: { title: 'Conversion rate' } });
    expect(kr.kpiId).toBe(kpi.id);
    ids.conversion = kr.id;

    // A new sample arrives: the key result reads it (nothing copies it).
    await db().kpiSample.upsert({
      where: { kpiId_period: { kpiId: kpi.id, period: '2036-11-30' } },
      create: { kpiId: kpi.id, period: '2036-11-30', value: 2.35 },
      update: { value: 2.35 },
    });
    const shown = await okr('U0DEMOLIN', 'show O-1');
    const keyResults = textOf(blockById(shown?.blocks, OKR_BLOCKS.showKeyResults));
    expect(keyResults).toContain('（2.1 → 2.6%，当前 2.35%）'); // Lin reads Chinese
    expect(keyResults).toContain('来自 KPI `conversion_rate`（2036-11-30）');
    expect(keyResults).toContain('50%');
  });

  it('refuses a KPI on a milestone, under the KPI field, in the person’s language', async () => {
    const modal = await openModal('U0DEMOLIN', 'new O-1');
    const errors = await submit('U0DEMOLIN', modal, {
      ...keyResultValues({ title: 'New studio', kind: 'MILESTONE', owner: 'U0DEMOLIN' }),
      [OKR_FIELDS.kpi]: text('gmv'),
    });
    expect(errors).toEqual({ [OKR_FIELDS.kpi]: expect.any(String) });
    expect(await db().okrKeyResult.count({ where: { title: 'New studio' } })).toBe(0);
    const ok = await openModal('U0DEMOLIN', 'new O-1');
    expect(
      await submit(
        'U0DEMOLIN',
        ok,
        keyResultValues({ title: 'New studio', kind: 'MILESTONE', owner: 'U0DEMOLIN' }),
      ),
    ).toBeUndefined();
    ids.studio = (await db().okrKeyResult.findFirstOrThrow({ where: { title: 'New studio' } })).id;
  });
});

describe('check-ins in the joint assessment and the managers’ digest', () => {
  it('prompts, takes an answer with a drop to off track and a blocker, and closes the round', async () => {
    state.clock.set('2036-12-01T02:00:00Z'); // 10:00 in Shanghai
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(2);
    const window = await db().okrCheckInWindow.findFirstOrThrow();
    ids.window = window.id;
    const chen = await state.liaison.deps.authorization.subjectOf((await person('U0DEMOCHEN')).id);
    await db().okrKeyResult.update({ where: { id: ids.conversion }, data: { lastConfidence: 'ON_TRACK' } });
    await services().checkIns.submit(chen, window.id, [
      {
        keyResultId: ids.conversion,
        value: 2.35,
        done: null,
        confidence: 'OFF_TRACK',
        comment: 'Traffic fell',
        blockers: 'No studio slot on Fridays',
      },
    ]);
    state.clock.set(new Date(window.closesAt.getTime() + 60_000).toISOString());
    expect((await services().checkIns.run(ids.workspaceId)).wrappedUp).toBe(1);
  });

  it('/escalate report gives the check-in response rate per department, and keeps it in the snapshot', async () => {
    state.liaison.slack.reset();
    await state.driver.slashCommand({
      command: COMMANDS.escalate,
      text: 'report',
      userId: 'U0DEMOLIN',
      channelId: 'C0GENERAL',
    });
    await state.liaison.slack.waitForCall('response_url', undefined, 10_000);
    const reply = state.liaison.slack.ephemerals('U0DEMOLIN', 'C0GENERAL').at(-1);
    const lines = textOf(blockById(reply?.blocks, ESCALATION_REPORT_BLOCKS.departments));
    expect(lines).toContain('复盘回复 1/2（50%）'); // Lin reads Chinese
    const snapshot = await db().assessmentSnapshot.findFirstOrThrow({
      where: { departmentId: ids.liveOps, quarter: '2036-Q4' },
    });
    expect(snapshot).toMatchObject({ checkInsAsked: 2, checkInsAnswered: 1 });
  });

  it('gives the lead the department’s check-ins in the digest: answered, missing, drops, blockers', async () => {
    const lin = await person('U0DEMOLIN');
    const digest = servicesOf(state.liaison.deps, digestFeature).digest;
    const reader = {
      workspaceId: ids.workspaceId,
      personId: lin.id,
      active: true,
      isAdmin: false,
      locale: 'en',
      workspaceLocale: 'en' as const,
      timeZone: 'Asia/Shanghai',
      ladder: [{ departmentId: ids.liveOps, nameEn: 'Live Ops', nameZh: '直播运营', role: 'LEAD' as const }],
    };
    const composed = await digest.compose(reader, {
      cadence: 'weekly',
      start: new Date('2036-11-30T00:00:00Z'),
      end: new Date('2036-12-07T00:00:00Z'),
      key: 'weekly:2036-W49',
    });
    const section = composed.sections.find((s) => s.id === 'okrs');
    expect(section?.title).toBe('OKR check-ins');
    const group = section?.groups[0];
    expect(group?.heading).toBe('Live Ops: 1 of 2 owners answered');
    const lines = group?.lines.map((l) => l.text) ?? [];
    expect(lines[0]).toMatch(/^No answer yet: /);
    expect(lines).toContain('KR-1 Conversion rate: — → off track (chen.jie)');
    expect(lines).toContain('KR-1 Conversion rate: blocker “No studio slot on Fridays” (chen.jie)');
    expect(section?.facts.map((f) => [f.ref, f.severity])).toEqual([['KR-1', 2]]);

    const drops = await services().confidenceDropsSince(
      ids.workspaceId,
      [ids.liveOps],
      new Date('2036-11-30T00:00:00Z'),
    );
    expect(drops).toMatchObject([{ keyResultNumber: 1, from: null, to: 'OFF_TRACK' }]);
  });
});
