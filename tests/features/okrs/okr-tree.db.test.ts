import { describe, expect, it } from 'vitest';
import { OKR_BLOCKS, OKR_FIELDS } from '../../../src/features/okrs/okrs.ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';
import { okrDriver, select, text } from './okr-helpers.js';

// Monday 1 December 2036, 10:00 in Shanghai: the quarter is 2036-Q4.
const { state } = calendarLiaisonForThisFile('2036-12-01T02:00:00Z');
const { okr, openModal, submit, keyResultValues } = okrDriver(state);
const db = () => state.db.prisma;

const departmentId = async (key: string) => (await db().department.findFirstOrThrow({ where: { key } })).id;

describe('/okr new, list and show', () => {
  it('lets an executive create a company objective, and a lead a department objective aligned to it', async () => {
    const modal = await openModal('U0DEMOCHEN', 'new');
    const levels = (blockById(modal.blocks, OKR_FIELDS.level).element as { options: { value: string }[] })
      .options;
    expect(levels.map((o) => o.value)).toContain('company');
    expect(
      await submit('U0DEMOCHEN', modal, {
        [OKR_FIELDS.title]: text('Grow GMV from live sessions'),
        [OKR_FIELDS.level]: select('company'),
        ...keyResultValues({ title: 'Monthly GMV (¥m)', start: '10', target: '14', owner: 'U0DEMOCHEN' }),
      }),
    ).toBeUndefined();
    const company = await db().okrObjective.findFirstOrThrow({ where: { departmentId: null } });
    expect(company).toMatchObject({ number: 1, title: 'Grow GMV from live sessions' });
    const confirmation = await state.liaison.slack.waitForCall('chat.postMessage', undefined, 10_000);
    expect(JSON.stringify(confirmation)).toContain('O-1');

    const lead = await openModal('U0DEMOLIN', 'new');
    expect(
      await submit('U0DEMOLIN', lead, {
        [OKR_FIELDS.title]: text('Make live sessions convert'),
        [OKR_FIELDS.level]: select(await departmentId('live-ops')),
        [OKR_FIELDS.parent]: select('1'),
        ...keyResultValues({
          title: 'Conversion rate',
          start: '2.1',
          target: '2.6%',
          unit: '%',
          owner: 'U0DEMOLIN',
        }),
      }),
    ).toBeUndefined();
    const kr = await db().okrKeyResult.findFirstOrThrow({ where: { title: 'Conversion rate' } });
    expect(kr).toMatchObject({
      kind: 'METRIC',
      startValue: 2.1,
      targetValue: 2.6,
      direction: 'INCREASE',
      unit: '%',
    });
    expect(await db().auditEvent.count({ where: { action: 'okr.objective_created' } })).toBe(2);
  });

  it('shows field errors in the modal: a metric without numbers, a target equal to its start', async () => {
    const modal = await openModal('U0DEMOLIN', 'new');
    const base = {
      [OKR_FIELDS.title]: text('Faster replies'),
      [OKR_FIELDS.level]: select(await departmentId('live-ops')),
    };
    expect(
      await submit('U0DEMOLIN', modal, {
        ...base,
        ...keyResultValues({ title: 'Reply time', start: 'soon', owner: 'U0DEMOLIN' }),
      }),
    ).toEqual({ [OKR_FIELDS.start]: expect.stringContaining('2.6') });
    expect(
      await submit('U0DEMOLIN', modal, {
        ...base,
        ...keyResultValues({ title: 'Reply time', start: '5', target: '5', owner: 'U0DEMOLIN' }),
      }),
    ).toEqual({ [OKR_FIELDS.target]: expect.stringContaining('目标值') });
  });

  it('adds a milestone key result with /okr new O-2, and a decreasing metric', async () => {
    const modal = await openModal('U0DEMOLIN', 'new O-2');
    expect(
      await submit(
        'U0DEMOLIN',
        modal,
        keyResultValues({ title: 'New studio live', kind: 'MILESTONE', owner: 'U0DEMOLIN' }),
      ),
    ).toBeUndefined();
    const again = await openModal('U0DEMOLIN', 'new 2');
    expect(
      await submit(
        'U0DEMOLIN',
        again,
        keyResultValues({ title: 'Refund rate', start: '8', target: '5', unit: '%', owner: 'U0DEMOCHEN' }),
      ),
    ).toBeUndefined();
    const refund = await db().okrKeyResult.findFirstOrThrow({ where: { title: 'Refund rate' } });
    expect(refund.direction).toBe('DECREASE');
    await db().okrKeyResult.update({ where: { id: refund.id }, data: { currentValue: 6.5 } });
  });

  it('shows the tree with progress bars, and lists by scope', async () => {
    const shown = await okr('U0DEMOSAM', 'show O-2');
    expect(textOf(blockById(shown?.blocks, OKR_BLOCKS.show))).toContain('O-2');
    const krs = textOf(blockById(shown?.blocks, OKR_BLOCKS.showKeyResults));
    expect(krs).toContain('Conversion rate');
    expect(krs).toContain('░░░░░░░░░░ 0%'); // not moved yet
    expect(krs).toContain('▓▓▓▓▓░░░░░ 50%'); // refund 8% → 5%, now 6.5%
    expect(textOf(blockById(shown?.blocks, OKR_BLOCKS.show))).toContain('aligned to O-1');

    const company = await okr('U0DEMOSAM', 'show O-1');
    expect(textOf(blockById(company?.blocks, OKR_BLOCKS.showChildren))).toContain('O-2');

    const list = textOf(blockById((await okr('U0DEMOCHEN', 'list company'))?.blocks, OKR_BLOCKS.list));
    expect(list).toContain('2036-Q4');
    expect(list).toContain('Grow GMV');
    expect(list).not.toContain('convert');
    const mine = textOf(blockById((await okr('U0DEMOCHEN', 'list mine'))?.blocks, OKR_BLOCKS.list));
    expect(mine).toContain('O-1');
    expect(mine).toContain('O-2'); // owns the refund rate
    const department = textOf(blockById((await okr('U0DEMOSAM', 'list'))?.blocks, OKR_BLOCKS.list));
    expect(department).toContain('No objectives');
  });

  it('says no politely to a member, in their language, and records the refusal', async () => {
    const reply = await okr('U0DEMOSAM', 'new');
    expect(reply?.text).toContain('Only this department’s leads');
    expect(
      await db().auditEvent.count({ where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' } }),
    ).toBe(1);
    const zh = await okr('U0DEMOZHANG', 'new O-2');
    expect(zh?.text).toContain('只有本部门负责人');
    expect((await okr('U0DEMOSAM', 'show O-99'))?.text).toContain('O-99');
    expect((await okr('U0DEMOSAM', 'frobnicate'))?.text).toContain('/okr list');
  });
});

describe('/okr checkins', () => {
  it('lets a lead set the department’s cadence, and refuses a member', async () => {
    const reply = await okr('U0DEMOLIN', 'checkins live-ops every 2 weeks friday 09:30 72h name-missing on');
    expect(textOf(blockById(reply?.blocks, OKR_BLOCKS.settings))).toContain('09:30');
    expect(await db().okrCheckInSettings.findFirstOrThrow()).toMatchObject({
      everyWeeks: 2,
      weekday: 5,
      localMinute: 570,
      windowHours: 72,
      nameMissing: true,
    });
    expect((await okr('U0DEMOSAM', 'checkins customer-service weekly'))?.text).toContain(
      'Only this department’s leads',
    );
    expect((await okr('U0DEMOSAM', 'checkins'))?.text).toContain('Monday'); // reading is for everyone
    expect((await okr('U0DEMOSAM', 'checkins every 99 weeks'))?.text).toContain(
      '/okr checkins live-ops weekly',
    );
  });
});
