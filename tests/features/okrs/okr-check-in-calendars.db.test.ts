import { beforeAll, describe, expect, it } from 'vitest';
import { servicesOf } from '../../../src/features/feature-registry.js';
import { okrsFeature } from '../../../src/features/okrs/okrs.feature.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';

// Monday 8 December 2036, 10:00 in Shanghai: the cadence's prompt time (weekly, Monday 10:00).
const { state } = calendarLiaisonForThisFile('2036-12-08T02:00:00Z');
const db = () => state.db.prisma;
const services = () => servicesOf(state.liaison.deps, okrsFeature);
const person = (slackUserId: string) => db().person.findFirstOrThrow({ where: { slackUserId } });
const promptedPeople = async () =>
  (await db().delivery.findMany({ where: { kind: 'okr.check_in' }, select: { recipientPersonId: true } }))
    .map((d) => d.recipientPersonId)
    .sort();

const ids = { workspaceId: '', lin: '', chen: '', sam: '' };

beforeAll(async () => {
  const [lin, chen, sam] = await Promise.all([
    person('U0DEMOLIN'),
    person('U0DEMOCHEN'),
    person('U0DEMOSAM'),
  ]);
  Object.assign(ids, { workspaceId: lin.workspaceId, lin: lin.id, chen: chen.id, sam: sam.id });
  await db().workspace.update({ where: { id: lin.workspaceId }, data: { defaultTimeZone: 'Asia/Shanghai' } });
  await db().person.updateMany({
    where: { id: { in: [lin.id, chen.id, sam.id] } },
    data: { timeZone: 'Asia/Shanghai' },
  });
  // Chen follows a calendar with a holiday today; Lin is away today; Sam works.
  const calendar = await db().calendar.create({
    data: { workspaceId: lin.workspaceId, key: 'okr-test', nameEn: 'Test', nameZh: '测试' },
  });
  await db().calendarDate.create({
    data: {
      calendarId: calendar.id,
      date: new Date('2036-12-08T00:00:00Z'),
      kind: 'HOLIDAY',
      name: 'Test day',
    },
  });
  await db().person.update({ where: { id: chen.id }, data: { calendarId: calendar.id } });
  await db().absence.create({
    data: {
      personId: lin.id,
      startsOn: new Date('2036-12-08T00:00:00Z'),
      endsOn: new Date('2036-12-08T00:00:00Z'),
    },
  });
  const liveOps = await db().department.findFirstOrThrow({
    where: { workspaceId: lin.workspaceId, key: 'live-ops' },
  });
  const subject = await state.liaison.deps.authorization.subjectOf(lin.id);
  await services().okrs.createObjective(subject, 'Asia/Shanghai', {
    title: 'Ship the studio',
    departmentId: liveOps.id,
    keyResults: [
      { title: 'Studio A live', kind: 'MILESTONE', ownerPersonId: lin.id },
      { title: 'Studio B live', kind: 'MILESTONE', ownerPersonId: chen.id },
      { title: 'Studio C live', kind: 'MILESTONE', ownerPersonId: sam.id },
    ],
  });
});

describe('check-in prompts follow each owner’s calendar and absences (read for all owners at once)', () => {
  it('skips an owner on a holiday of their calendar and one who is away, and asks them on their next working day', async () => {
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(1);
    expect(await promptedPeople()).toEqual([ids.sam]);
    // Tuesday 10:00 in Shanghai: both are back; Sam is not asked twice.
    state.clock.set('2036-12-09T02:00:00Z');
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(2);
    expect(await promptedPeople()).toEqual([ids.lin, ids.chen, ids.sam].sort());
    expect((await services().checkIns.run(ids.workspaceId)).prompted).toBe(0);
  });
});
