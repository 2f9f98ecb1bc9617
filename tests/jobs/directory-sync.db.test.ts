import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIRECTORY_SYNC_KIND,
  directorySyncJob,
  ensureDirectorySyncSchedule,
} from '../../src/features/directory/directory-sync.job.js';
import { createUsersListPagers } from '../../src/slack/directory/users-list-pager.js';
import { createWorkspaceSlackClients, singleTokenSource } from '../../src/slack/workspace-clients.js';
import { buildDirectoryDeps } from '../../src/wiring/directory.wiring.js';
import { buildNotificationsDeps } from '../../src/wiring/notifications.wiring.js';
import { fixedClock } from '../fakes/fixed-clock.js';
import { type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';
import { silent } from '../modules/delivery/outbox-fixture.js';
import { schedulerOn, schedulesOn } from '../modules/scheduling/scheduling-fixtures.js';

let db: TestDatabase;
let slack: SlackStandIn;
beforeAll(async () => {
  db = await openTestDatabase();
  slack = await startFakeSlack({
    users: Array.from({ length: 5 }, (_, i) => ({
      id: `U0NIGHT${i}`,
      realName: `Night ${i}`,
      tz: 'Asia/Shanghai',
    })),
  });
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

function directoryWith(clock: ReturnType<typeof fixedClock>) {
  const slackClients = createWorkspaceSlackClients();
  slackClients.connect(singleTokenSource({ token: slack.botToken, apiUrl: slack.url }));
  return buildDirectoryDeps({
    db,
    clock,
    logger: silent,
    notifications: buildNotificationsDeps({ db, clock }),
    slackClients,
    pagers: createUsersListPagers({ rule: { perMinute: 6_000, burst: 1 }, pageSize: 2 }),
  });
}

describe('the nightly directory sync job', () => {
  it('is scheduled once per workspace at 04:00 in its zone, and each night reads the directory', async () => {
    const clock = fixedClock('2026-03-02T08:10:00Z');
    const workspace = await db.prisma.workspace.create({
      data: {
        slackTeamId: 'T0NIGHTLY',
        name: 'Nightly',
        defaultLocale: 'zh-CN',
        defaultTimeZone: 'Asia/Shanghai',
      },
      select: { id: true, defaultTimeZone: true },
    });
    const schedules = schedulesOn(db, clock);
    await ensureDirectorySyncSchedule(schedules, workspace);
    await ensureDirectorySyncSchedule(schedules, workspace);
    const [nightly, ...others] = await schedules.list(workspace.id);
    expect(others).toHaveLength(0);
    // 04:00 in Shanghai is 20:00 UTC the day before.
    expect(nightly).toMatchObject({ kind: DIRECTORY_SYNC_KIND, nextRunAt: new Date('2026-03-02T20:00:00Z') });

    const directory = directoryWith(clock);
    const { scheduler } = schedulerOn(db, clock, [directorySyncJob({ runner: directory.runner })]);
    clock.set('2026-03-02T20:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ succeeded: 1 });
    await directory.runner.idle();

    const run = await db.prisma.directorySyncRun.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 5, pages: 3 });
    const jobRun = await db.prisma.jobRun.findFirstOrThrow({ where: { scheduleId: nightly?.id } });
    expect(jobRun.result).toEqual({ syncRunId: run.id, claim: 'started', fromPage: 0 });
    expect(await db.prisma.person.count({ where: { workspaceId: workspace.id } })).toBe(5);
  });

  it('resumes a sync a crashed process left behind, from its saved cursor', async () => {
    const clock = fixedClock('2026-03-03T19:00:00Z');
    const workspace = await db.prisma.workspace.findFirstOrThrow({ where: { slackTeamId: 'T0NIGHTLY' } });
    // A run that died after page 1, its lease long gone.
    const listed = await fetch(`${slack.url}users.list`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${slack.botToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'limit=2',
    }).then((r) => r.json() as Promise<{ response_metadata: { next_cursor: string } }>);
    const crashed = await db.prisma.directorySyncRun.create({
      data: {
        workspaceId: workspace.id,
        status: 'RUNNING',
        cursor: listed.response_metadata.next_cursor,
        pages: 1,
        seen: 2,
        startedAt: new Date('2026-03-03T18:00:00Z'),
        leaseUntil: new Date('2026-03-03T18:05:00Z'),
      },
    });
    slack.clearCalls();
    const directory = directoryWith(clock);
    const { scheduler } = schedulerOn(db, clock, [directorySyncJob({ runner: directory.runner })]);
    clock.set('2026-03-03T20:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ succeeded: 1 });
    await directory.runner.idle();

    expect(await db.prisma.directorySyncRun.findUniqueOrThrow({ where: { id: crashed.id } })).toMatchObject({
      status: 'SUCCEEDED',
      pages: 3,
    });
    const cursors = slack.callsTo('users.list').map((call) => call.args.cursor);
    expect(cursors[0]).toBe(listed.response_metadata.next_cursor);
    expect(cursors).toHaveLength(2);
  });
});
