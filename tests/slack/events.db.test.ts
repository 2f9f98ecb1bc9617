import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../../src/slack/ids.js';
import { blockById } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

function userChange(id: string, updated: number, tz: string) {
  return {
    type: 'user_change',
    event_ts: `${updated}.000100`,
    cache_ts: updated,
    user: {
      id,
      team_id: 'T0LIAISON',
      name: 'sam',
      real_name: 'Sam Taylor',
      tz,
      locale: 'en-AU',
      is_admin: false,
      is_bot: false,
      deleted: false,
      updated,
      profile: { display_name: 'sam', real_name: 'Sam Taylor' },
    },
  };
}

async function auditRowsFor(slackUserId: string) {
  const person = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId } });
  return file.db.prisma.auditEvent.findMany({ where: { objectId: person.id, action: 'person.updated' } });
}

/** Polls until `check` holds (the listener ran), for the positive half of a test; a slow machine only waits longer. */
async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the listener did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function settle() {
  // Events are acked before listeners run; give the listener time to finish.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('Events API deliveries', () => {
  it('applies a user_change once across a duplicate, a Slack retry and a re-delivery under a new event id', async () => {
    const event = userChange('U0DEMOSAM', 1_764_000_000, 'Asia/Tokyo');
    const first = await file.liaison.driver.event({ event, eventId: 'EvSAM0001' });
    expect(first.status).toBe(200);
    await until(async () => (await auditRowsFor('U0DEMOSAM')).length === 1);
    await file.liaison.driver.event({ event, eventId: 'EvSAM0001' });
    await file.liaison.driver.event({
      event,
      eventId: 'EvSAM0001',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    await file.liaison.driver.event({ event, eventId: 'EvSAM0002' });
    await until(
      () => file.liaison.logs().filter((line) => line.msg === 'skipped a duplicate Slack event').length >= 3,
    );
    await settle();

    const person = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOSAM' } });
    expect(person.timeZone).toBe('Asia/Tokyo');
    const audit = await auditRowsFor('U0DEMOSAM');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ timeZone: 'Australia/Melbourne' });
    expect(audit[0]?.after).toMatchObject({ timeZone: 'Asia/Tokyo' });
    const skipped = file.liaison.logs().filter((line) => line.msg === 'skipped a duplicate Slack event');
    // Each delivery is acknowledged before its duplicate check ends, so the checks of
    // consecutive deliveries may finish in either order: which were skipped is the behaviour.
    expect(skipped.map((line) => line.eventId).sort()).toEqual(['EvSAM0001', 'EvSAM0001', 'EvSAM0002']);
  });

  it('has the effect of an event once when Slack delivers it twice and retries it', async () => {
    file.liaison.slack.reset();
    const event = {
      type: 'app_home_opened',
      user: 'U0DEMOALEX',
      channel: 'D0ALEX',
      tab: 'home',
      event_ts: '1764000002.000100',
    };
    await file.liaison.driver.event({ event, eventId: 'EvTWICE001' });
    await settle();
    await file.liaison.driver.event({ event, eventId: 'EvTWICE001' });
    await file.liaison.driver.event({
      event,
      eventId: 'EvTWICE001',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    await settle();
    expect(file.liaison.slack.callsTo('views.publish')).toHaveLength(1);
  });

  it('applies a later change of the same person (a new profile version is a new effect)', async () => {
    await file.liaison.driver.event({ event: userChange('U0DEMOSAM', 1_764_000_500, 'Europe/London') });
    await until(async () => (await auditRowsFor('U0DEMOSAM')).length === 2);
    const person = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOSAM' } });
    expect(person.timeZone).toBe('Europe/London');
    expect(await auditRowsFor('U0DEMOSAM')).toHaveLength(2);
  });

  it('does the work on a retry when the first delivery failed, instead of dropping the retry', async () => {
    file.liaison.slack.reset();
    file.liaison.slack.failNext('views.publish', { error: 'internal_error' });
    const event = {
      type: 'app_home_opened',
      user: 'U0DEMOPRIYA',
      channel: 'D0PRIYA',
      tab: 'home',
      event_ts: '1764000000.000200',
    };
    await file.liaison.driver.event({ event, eventId: 'EvHOME0001' });
    await settle();
    expect(file.liaison.slack.homeView('U0DEMOPRIYA')).toBeUndefined();

    await file.liaison.driver.event({ event, eventId: 'EvHOME0001', retryNum: 1, retryReason: 'http_error' });
    await file.liaison.slack.waitForCall(
      'views.publish',
      (call) => call.args.user_id === 'U0DEMOPRIYA' && call.response.ok === true,
      10_000,
    );
    const home = file.liaison.slack.homeView('U0DEMOPRIYA');
    expect(home).toBeDefined();
    expect(blockById(home?.blocks, BLOCKS.home.departments)).toBeDefined();
    expect(file.liaison.slack.callsTo('views.publish')).toHaveLength(2);
  });

  it('publishes the Home tab with the person’s departments in their language', async () => {
    file.liaison.slack.reset();
    await file.liaison.driver.event({
      event: {
        type: 'app_home_opened',
        user: 'U0DEMOLIN',
        channel: 'D0LIN',
        tab: 'home',
        event_ts: '1764000001.000100',
      },
    });
    await file.liaison.slack.waitForCall(
      'views.publish',
      (call) => call.args.user_id === 'U0DEMOLIN' && call.response.ok === true,
      10_000,
    );
    const home = file.liaison.slack.homeView('U0DEMOLIN');
    const departments = blockById(home?.blocks, BLOCKS.home.departments) as { text: { text: string } };
    expect(departments.text.text).toContain('直播运营 — 负责人');
  });
});
