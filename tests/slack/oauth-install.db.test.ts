import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../src/modules/installations/token-cipher.service.js';
import { SLACK_FLOOR_RATES, scaleRates } from '../../src/slack/delivery/rate-floors.js';
import { createWorkspaceSenders } from '../../src/slack/delivery/workspace-senders.js';
import { BLOCKS, EVENTS } from '../../src/slack/ids.js';
import { manifestBotScopes } from '../../src/slack/oauth/bot-scopes.js';
import { buildDeliveryWorker } from '../../src/wiring/notifications.wiring.js';
import { blockById, textOf } from '../harness/blocks.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';
import {
  installThroughBrowser,
  lastCallSeq,
  liaisonCommand,
  OAUTH_CLIENT,
  type OAuthLiaison,
  oauthRedirect,
  STATE_COOKIE,
  startInstall,
  startOAuthLiaison,
} from './oauth-fixture.js';

const key = randomBytes(32);
const cipher = createTokenCipher({ key });
const file = {} as { db: TestDatabase; liaison: OAuthLiaison };

beforeAll(async () => {
  file.db = await openTestDatabase();
  file.liaison = await startOAuthLiaison({ db: file.db, key });
});
afterAll(async () => {
  await file.liaison?.stop();
  await file.db?.close();
});

async function waitUntil<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 5_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function installationRowOf(slackTeamId: string) {
  return file.db.prisma.installation.findFirst({
    where: { workspace: { slackTeamId } },
    include: { workspace: true },
  });
}

/** `/liaison whoami` from a person of the team; resolves with the reply and the token users.info was called with. */
/**
 * Installing starts a directory sync (users.list) in the background. Until it is done, it may
 * meet a person the test is about to add and store them first — then the command finds them
 * known and never asks users.info, whose token the tests read. Wait for it.
 */
const directorySyncsDone = (liaison: OAuthLiaison = file.liaison) => liaison.deps.directory.runner.idle();

async function whoami(
  teamId: string,
  userId: string,
  org?: { enterpriseId: string; isEnterpriseInstall?: boolean },
) {
  const { slack } = file.liaison;
  await directorySyncsDone();
  slack.addUser({ id: userId, name: userId.toLowerCase(), realName: `Person ${userId}`, tz: 'Europe/Paris' });
  const { ack, since } = await liaisonCommand(slack, file.liaison.driverFor(teamId), {
    userId,
    text: 'whoami',
    ...(org ? { enterpriseId: org.enterpriseId, isEnterpriseInstall: org.isEnterpriseInstall ?? true } : {}),
  });
  expect(ack.status).toBe(200);
  await slack.waitForCall(
    'response_url',
    (call) => call.seq > since && call.args.response_type === 'ephemeral',
    5_000,
  );
  const reply = slack.ephemerals(userId).at(-1);
  const profileCall = slack
    .callsTo('users.info')
    .find((call) => call.args.user === userId && call.seq > since);
  return { reply, token: profileCall?.token };
}

describe('installing Liaison from /slack/install', () => {
  it('sends the browser to Slack with the manifest scopes and a state bound to a cookie', async () => {
    const { response, location, cookie } = await startInstall(file.liaison.baseUrl);
    expect(response.status).toBe(302);
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(OAUTH_CLIENT.clientId);
    expect(location.searchParams.get('scope')?.split(',')).toEqual(manifestBotScopes());
    const state = location.searchParams.get('state');
    expect(state).toBeTruthy();
    expect(cookie).toBe(`${STATE_COOKIE}=${state}`);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/);
  });

  it('refuses a redirect with a missing, forged or foreign state, and stores nothing', async () => {
    const { slack, baseUrl } = file.liaison;
    slack.registerInstall({ code: 'code-refused', teamId: 'T0REFUSED' });
    const { location, cookie } = await startInstall(baseUrl);
    const state = location.searchParams.get('state') ?? '';
    const forged = `${state.slice(0, -4)}AAAA`;

    const missing = await oauthRedirect(baseUrl, { code: 'code-refused' }, cookie);
    const forgedState = await oauthRedirect(
      baseUrl,
      { code: 'code-refused', state: forged },
      `${STATE_COOKIE}=${forged}`,
    );
    const otherBrowser = await oauthRedirect(baseUrl, { code: 'code-refused', state });
    for (const refused of [missing, forgedState, otherBrowser]) {
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Oops');
    }
    expect(slack.callsTo('oauth.v2.access')).toEqual([]);
    expect(await file.db.prisma.installation.count()).toBe(0);
    expect(await file.db.prisma.workspace.count({ where: { slackTeamId: 'T0REFUSED' } })).toBe(0);
  });

  it('stores the installation with its tokens encrypted, audits it, and gives it the standing schedules', async () => {
    const { response, accessToken } = await installThroughBrowser(file.liaison, {
      teamId: 'T0ALPHA',
      teamName: 'Alpha Corp',
      installerUserId: 'U0ALPHAADMIN',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Thank you!');
    expect(accessToken).toMatch(/^xoxb-T0ALPHA-/);

    const row = await installationRowOf('T0ALPHA');
    expect(row).toMatchObject({
      slackTeamId: 'T0ALPHA',
      enterpriseId: null,
      isEnterpriseInstall: false,
      installedBySlackId: 'U0ALPHAADMIN',
      botUserId: 'U0BOT0ALPHA',
      revokedAt: null,
      workspace: { slackTeamId: 'T0ALPHA', name: 'Alpha Corp', uninstalledAt: null },
    });
    expect(row?.botScopes?.split(',')).toEqual(['commands', 'chat:write', 'users:read', 'im:write']);
    // The token is nowhere in the row, only inside the encrypted object.
    expect(JSON.stringify(row)).not.toContain(accessToken);
    expect(JSON.stringify(row)).not.toContain(accessToken.split('-').at(-1));
    expect(row?.installationEncrypted).toMatch(/^v1:/);
    const decrypted = JSON.parse(cipher.decrypt(row?.installationEncrypted ?? '')) as {
      bot: { token: string };
    };
    expect(decrypted.bot.token).toBe(accessToken);

    const audit = await file.db.prisma.auditEvent.findMany({
      where: { workspaceId: row?.workspaceId, action: 'installation.created' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorSlackId).toBe('U0ALPHAADMIN');
    expect(JSON.stringify(audit)).not.toContain(accessToken);
    expect(JSON.stringify(audit)).not.toContain('installationEncrypted');

    const standing = await file.db.prisma.schedule.findMany({
      where: { workspaceId: row?.workspaceId },
      select: { kind: true, status: true },
      orderBy: { kind: 'asc' },
    });
    expect(standing).toEqual([
      { kind: 'action-items.reminders', status: 'ACTIVE' },
      { kind: 'calendar.coverage', status: 'ACTIVE' },
      { kind: 'digest.send', status: 'ACTIVE' },
      { kind: 'directory.sync', status: 'ACTIVE' },
      { kind: 'escalations.assessment', status: 'ACTIVE' },
      { kind: 'escalations.sla', status: 'ACTIVE' },
      { kind: 'form-submissions.purge', status: 'ACTIVE' },
      { kind: 'kpis.breaches.sweep', status: 'ACTIVE' },
      { kind: 'kpis.digest.send', status: 'ACTIVE' },
      { kind: 'meetings.cycle', status: 'ACTIVE' },
      { kind: 'okrs.check-ins', status: 'ACTIVE' },
      { kind: 'system.heartbeat', status: 'ACTIVE' },
    ]);
    // A new workspace learns its people at once, not at the first nightly sync.
    const firstSync = await waitUntil(
      () =>
        file.db.prisma.directorySyncRun.findFirst({
          where: { workspaceId: row?.workspaceId, status: 'SUCCEEDED' },
          select: { seen: true },
        }),
      'the first directory sync to finish',
    );
    expect(firstSync.seen).toBeGreaterThan(0);
  });
});

describe('what the install flow leaves behind', () => {
  it('logs no client secret and no token, and answers 404 for paths it does not serve', async () => {
    const logged = JSON.stringify(file.liaison.logs());
    expect(logged).toContain('oauth.v2.access');
    expect(logged).not.toContain(OAUTH_CLIENT.clientSecret);
    for (const call of file.liaison.slack.callsTo('oauth.v2.access', { ok: true })) {
      expect(logged).not.toContain(String(call.response.access_token));
    }
    expect((await fetch(`${file.liaison.baseUrl}/nowhere`)).status).toBe(404);
    expect((await fetch(`${file.liaison.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('answering requests from many workspaces', () => {
  it('answers each workspace with its own token, from memory', async () => {
    const alpha = await installationRowOf('T0ALPHA');
    if (!alpha) throw new Error('T0ALPHA is installed by the tests above');
    const alphaToken = (
      JSON.parse(cipher.decrypt(alpha.installationEncrypted ?? '')) as { bot: { token: string } }
    ).bot.token;
    const { accessToken: betaToken } = await installThroughBrowser(file.liaison, {
      teamId: 'T0BETA',
      teamName: 'Beta Ltd',
    });
    expect(betaToken).not.toBe(alphaToken);

    const queriesBefore = file.liaison.installationQueries();
    const fromAlpha = await whoami('T0ALPHA', 'U0ALPHA1');
    const fromBeta = await whoami('T0BETA', 'U0BETA1');
    expect(fromAlpha.token).toBe(alphaToken);
    expect(fromBeta.token).toBe(betaToken);
    expect(textOf(blockById(fromBeta.reply?.blocks, BLOCKS.whoami.settings))).toContain('Europe/Paris');
    // Written through on install: not one query on the installation table to authorize these.
    expect(file.liaison.installationQueries()).toBe(queriesBefore);

    // Each person is known in the workspace their request came from. (The install's first
    // directory sync may add the same people to both: the fake Slack has one directory.)
    for (const [slackUserId, slackTeamId] of [
      ['U0ALPHA1', 'T0ALPHA'],
      ['U0BETA1', 'T0BETA'],
    ] as const) {
      const person = await file.db.prisma.person.findFirst({
        where: { slackUserId, workspace: { slackTeamId } },
        select: { id: true },
      });
      expect(person, `${slackUserId} in ${slackTeamId}`).not.toBeNull();
    }
  });

  it('after a restart, loads the installations before listening; requests then cost no query', async () => {
    const restarted = await startOAuthLiaison({ db: file.db, key, slack: file.liaison.slack });
    try {
      const atStart = restarted.installationQueries();
      expect(atStart).toBeGreaterThan(0);
      const { slack } = restarted;
      slack.addUser({ id: 'U0ALPHA2', tz: 'Asia/Tokyo' });
      const { since } = await liaisonCommand(slack, restarted.driverFor('T0ALPHA'), {
        userId: 'U0ALPHA2',
        text: 'whoami',
      });
      await slack.waitForCall('response_url', (call) => call.seq > since, 5_000);
      expect(restarted.installationQueries()).toBe(atStart);
      expect(restarted.logs().find((line) => line.msg === 'installations loaded')).toMatchObject({
        installations: 2,
      });
    } finally {
      await restarted.stop();
    }
  });

  it('sends background messages with each workspace its own token', async () => {
    const { deps, slack } = file.liaison;
    const worker = buildDeliveryWorker({
      db: file.db,
      clock: deps.clock,
      logger: deps.logger,
      sender: createWorkspaceSenders({
        slackClients: deps.slackClients,
        rates: scaleRates(SLACK_FLOOR_RATES, 20),
      }),
      notifications: deps.notifications,
    });
    const alpha = await deps.workspaces.forTeam({ teamId: 'T0ALPHA' });
    const beta = await deps.workspaces.forTeam({ teamId: 'T0BETA' });
    for (const workspace of [alpha, beta]) {
      await deps.notifications.delivery.enqueue({
        workspaceId: workspace.id,
        key: `hello-${workspace.slackTeamId}`,
        kind: 'system.hello',
        channelId: 'C0GENERAL',
        message: { text: `Hello ${workspace.slackTeamId}` },
      });
    }
    const since = lastCallSeq(slack);
    const report = await worker.drain();
    expect(report.sent).toBe(2);
    const posts = slack.callsTo('chat.postMessage', { ok: true }).filter((call) => call.seq > since);
    const tokenOf = (text: string) => posts.find((call) => call.args.text === text)?.token;
    expect(tokenOf('Hello T0ALPHA')).toBe(await deps.installations.tokenFor(alpha.id));
    expect(tokenOf('Hello T0BETA')).toBe(await deps.installations.tokenFor(beta.id));
    expect(tokenOf('Hello T0ALPHA')).not.toBe(tokenOf('Hello T0BETA'));
  });
});

describe('token rotation', () => {
  it('refreshes an expiring bot token when a request needs it, and stores the new one encrypted', async () => {
    const { slack } = file.liaison;
    // Slack's tokens live 12 hours; this one has 10 minutes left, inside Bolt's 2-hour refresh window.
    const installed = await installThroughBrowser(file.liaison, {
      teamId: 'T0ROTA',
      rotating: true,
      expiresInSec: 600,
    });
    expect(installed.accessToken).toMatch(/^xoxe\.xoxb-/);
    // The first request that needs the token refreshes it: the install's first directory
    // sync or this command, whichever comes first. Either way, once.
    const { token } = await whoami('T0ROTA', 'U0ROTA1');
    const refreshes = slack
      .callsTo('oauth.v2.access', { ok: true })
      .filter(
        (call) =>
          call.args.grant_type === 'refresh_token' && call.args.refresh_token === installed.refreshToken,
      );
    expect(refreshes).toHaveLength(1);
    const refresh = refreshes[0];
    expect(refresh?.args.refresh_token).toBe(installed.refreshToken);
    const newToken = String(refresh?.response.access_token);
    expect(token).toBe(newToken);
    expect(newToken).not.toBe(installed.accessToken);

    const row = await waitUntil(async () => {
      const current = await installationRowOf('T0ROTA');
      return current?.installationEncrypted &&
        (JSON.parse(cipher.decrypt(current.installationEncrypted)) as { bot: { token: string } }).bot
          .token === newToken
        ? current
        : undefined;
    }, 'the refreshed token to be stored');
    for (const secret of [newToken, installed.accessToken, String(refresh?.response.refresh_token)]) {
      expect(JSON.stringify(row)).not.toContain(secret);
    }
    const hoursLeft = ((row.botTokenExpiresAt?.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(
      await file.db.prisma.auditEvent.count({
        where: { workspaceId: row.workspaceId, action: 'installation.updated' },
      }),
    ).toBe(1);

    // The new token has 12 hours: the next request uses it without another refresh.
    const again = await whoami('T0ROTA', 'U0ROTA2');
    expect(again.token).toBe(newToken);
    expect(
      slack.callsTo('oauth.v2.access').filter((call) => call.args.grant_type === 'refresh_token'),
    ).toHaveLength(1);
  });

  it('refreshes an expiring token for background work too, before a job uses it', async () => {
    const { slack, deps } = file.liaison;
    const installed = await installThroughBrowser(file.liaison, {
      teamId: 'T0ROTB',
      rotating: true,
      expiresInSec: 300,
    });
    const workspace = await deps.workspaces.forTeam({ teamId: 'T0ROTB' });
    const client = await deps.slackClients.bulkFor(workspace.id);
    const refresh = slack
      .callsTo('oauth.v2.access', { ok: true })
      .find((call) => call.args.refresh_token === installed.refreshToken);
    expect(refresh).toBeDefined();
    expect(client?.token).toBe(refresh?.response.access_token);
    expect(await deps.installations.tokenFor(workspace.id)).toBe(refresh?.response.access_token);
  });
});

describe('Enterprise Grid org-wide install', () => {
  it('serves every team of the org as one Liaison workspace, with the org token', async () => {
    const { accessToken } = await installThroughBrowser(file.liaison, {
      enterpriseId: 'E0ACME',
      enterpriseName: 'Acme Group',
      isEnterpriseInstall: true,
    });
    const row = await installationRowOf('E0ACME');
    expect(row).toMatchObject({
      slackTeamId: null,
      enterpriseId: 'E0ACME',
      isEnterpriseInstall: true,
      workspace: { slackTeamId: 'E0ACME', enterpriseId: 'E0ACME', name: 'Acme Group' },
    });

    const org = { enterpriseId: 'E0ACME' };
    const sales = await whoami('T0ACMESALES', 'W0ACME1', org);
    const support = await whoami('T0ACMESUPPORT', 'W0ACME2', org);
    expect(sales.token).toBe(accessToken);
    expect(support.token).toBe(accessToken);
    const people = await file.db.prisma.person.findMany({
      where: { slackUserId: { in: ['W0ACME1', 'W0ACME2'] } },
      select: { workspaceId: true },
    });
    expect(people.map((p) => p.workspaceId)).toEqual([row?.workspaceId, row?.workspaceId]);
    expect(
      await file.db.prisma.workspace.count({
        where: { slackTeamId: { in: ['T0ACMESALES', 'T0ACMESUPPORT'] } },
      }),
    ).toBe(0);
  });
});

describe('uninstall and revoked tokens', () => {
  async function seedWorkOf(slackTeamId: string) {
    const { deps } = file.liaison;
    const workspace = await deps.workspaces.forTeam({ teamId: slackTeamId });
    const digest = await deps.schedules.create({
      workspaceId: workspace.id,
      kind: 'kpi.digest',
      name: 'Weekly KPI digest',
      recurrence: { type: 'weekly', weekdays: [1] },
      timeOfDay: '09:00',
      timeZone: 'Asia/Shanghai',
    });
    const adminPaused = await deps.schedules.create({
      workspaceId: workspace.id,
      kind: 'kpi.reminder',
      name: 'Paused by an admin',
      recurrence: { type: 'weekly', weekdays: [2] },
      timeOfDay: '10:00',
      timeZone: 'UTC',
    });
    await file.db.prisma.schedule.update({
      where: { id: adminPaused.id },
      data: { status: 'PAUSED', pausedReason: 'admin' },
    });
    const queued = await deps.notifications.delivery.enqueue({
      workspaceId: workspace.id,
      key: `queued-${slackTeamId}`,
      kind: 'system.hello',
      channelId: 'C0GENERAL',
      message: { text: 'waiting' },
      notBefore: new Date(Date.now() + 3_600_000),
    });
    const held = await file.db.prisma.delivery.create({
      data: {
        workspaceId: workspace.id,
        key: `held-${slackTeamId}`,
        kind: 'system.hello',
        channelId: 'C0GENERAL',
        payload: { text: 'held for quiet hours' },
        status: 'HELD',
      },
    });
    return { workspace, digest, adminPaused, queuedId: queued.delivery.id, heldId: held.id };
  }

  it('app_uninstalled revokes access, pauses the schedules, cancels queued messages; a reinstall resumes', async () => {
    const { slack, deps } = file.liaison;
    await installThroughBrowser(file.liaison, { teamId: 'T0GAMMA', teamName: 'Gamma' });
    const seeded = await seedWorkOf('T0GAMMA');
    const gamma = file.liaison.driverFor('T0GAMMA');

    const event = await gamma.event({
      event: { type: EVENTS.appUninstalled, event_ts: '1700000000.000100' },
    });
    expect(event.status).toBe(200);
    const revoked = await waitUntil(async () => {
      const row = await installationRowOf('T0GAMMA');
      return row?.revokedAt ? row : undefined;
    }, 'the installation to be revoked');
    expect(revoked).toMatchObject({ revokedReason: 'app_uninstalled', installationEncrypted: null });
    expect(revoked.workspace.uninstalledAt).not.toBeNull();
    const schedules = await file.db.prisma.schedule.findMany({
      where: { workspaceId: seeded.workspace.id },
      select: { kind: true, status: true, pausedReason: true },
    });
    expect(schedules.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'action-items.reminders', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'calendar.coverage', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'digest.send', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'directory.sync', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'escalations.assessment', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'escalations.sla', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'form-submissions.purge', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'kpi.digest', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'kpi.reminder', status: 'PAUSED', pausedReason: 'admin' },
      { kind: 'kpis.breaches.sweep', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'kpis.digest.send', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'meetings.cycle', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'okrs.check-ins', status: 'PAUSED', pausedReason: 'uninstalled' },
      { kind: 'system.heartbeat', status: 'PAUSED', pausedReason: 'uninstalled' },
    ]);
    const deliveries = await file.db.prisma.delivery.findMany({
      where: { id: { in: [seeded.queuedId, seeded.heldId] } },
      select: { status: true, lastError: true },
    });
    expect(deliveries).toEqual([
      { status: 'CANCELLED', lastError: 'not_installed: app_uninstalled' },
      { status: 'CANCELLED', lastError: 'not_installed: app_uninstalled' },
    ]);
    const audit = await file.db.prisma.auditEvent.findFirst({
      where: { workspaceId: seeded.workspace.id, action: 'installation.revoked' },
    });
    expect(audit?.after).toMatchObject({
      revokedReason: 'app_uninstalled',
      pausedSchedules: 13,
      cancelledDeliveries: 2,
    });

    // No longer served: acknowledged (Slack would retry otherwise), never answered.
    slack.addUser({ id: 'U0GAMMA1' });
    const { ack, since } = await liaisonCommand(slack, gamma, { userId: 'U0GAMMA1', text: 'whoami' });
    expect(ack.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.calls().filter((call) => call.seq > since)).toEqual([]);
    expect(file.liaison.logs().some((line) => String(line.msg).includes('not installed'))).toBe(true);
    expect(await deps.installations.tokenFor(seeded.workspace.id)).toBeNull();
    expect(await deps.slackClients.bulkFor(seeded.workspace.id)).toBeNull();

    // A message enqueued anyway fails once, with a reason, instead of retrying forever.
    await deps.notifications.delivery.enqueue({
      workspaceId: seeded.workspace.id,
      key: 'after-uninstall',
      kind: 'system.hello',
      channelId: 'C0GENERAL',
      message: { text: 'too late' },
    });
    const worker = buildDeliveryWorker({
      db: file.db,
      clock: deps.clock,
      logger: deps.logger,
      sender: createWorkspaceSenders({ slackClients: deps.slackClients }),
      notifications: deps.notifications,
    });
    await worker.drain();
    const late = await deps.notifications.delivery.findByKey(seeded.workspace.id, 'after-uninstall');
    expect(late?.status).toBe('FAILED');
    expect(late?.lastError).toMatch(/^not_installed: Liaison is not installed in workspace/);

    // Reinstalled: the uninstall's pauses are lifted (from the next slot on), the admin's stays.
    const { accessToken } = await installThroughBrowser(file.liaison, {
      teamId: 'T0GAMMA',
      teamName: 'Gamma',
    });
    const back = await installationRowOf('T0GAMMA');
    expect(back).toMatchObject({ revokedAt: null, revokedReason: null, workspace: { uninstalledAt: null } });
    const resumed = await file.db.prisma.schedule.findMany({
      where: { workspaceId: seeded.workspace.id },
      select: { kind: true, status: true, pausedReason: true, nextRunAt: true },
    });
    const byKind = Object.fromEntries(resumed.map((s) => [s.kind, s]));
    expect(byKind['kpi.digest']).toMatchObject({ status: 'ACTIVE', pausedReason: null });
    expect(byKind['directory.sync']).toMatchObject({ status: 'ACTIVE', pausedReason: null });
    expect(byKind['system.heartbeat']).toMatchObject({ status: 'ACTIVE', pausedReason: null });
    expect(byKind['kpi.reminder']).toMatchObject({ status: 'PAUSED', pausedReason: 'admin' });
    expect(byKind['kpi.digest']?.nextRunAt?.getTime()).toBeGreaterThan(Date.now());
    expect(resumed.filter((s) => s.kind === 'system.heartbeat')).toHaveLength(1);
    const reinstallAudit = await file.db.prisma.auditEvent.findFirst({
      where: { workspaceId: seeded.workspace.id, action: 'installation.updated' },
      orderBy: { createdAt: 'desc' },
    });
    expect(reinstallAudit?.before).toMatchObject({ revokedReason: 'app_uninstalled' });
    expect(reinstallAudit?.after).toMatchObject({ revokedAt: null, resumedSchedules: 13 });

    const answered = await whoami('T0GAMMA', 'U0GAMMA2');
    expect(answered.token).toBe(accessToken);
  });

  it('tokens_revoked for user tokens only changes nothing; for the bot token it revokes like an uninstall', async () => {
    await installThroughBrowser(file.liaison, { teamId: 'T0DELTA' });
    const seeded = await seedWorkOf('T0DELTA');
    const delta = file.liaison.driverFor('T0DELTA');

    await delta.event({ event: { type: EVENTS.tokensRevoked, tokens: { oauth: ['U0SOMEONE'] } } });
    await waitUntil(
      async () => file.liaison.logs().some((line) => String(line.msg).includes('bot token is unaffected')),
      'the user-token revocation to be handled',
    );
    expect((await installationRowOf('T0DELTA'))?.revokedAt).toBeNull();
    expect(await whoami('T0DELTA', 'U0DELTA1')).toMatchObject({
      token: expect.stringMatching(/^xoxb-T0DELTA-/),
    });

    await delta.event({ event: { type: EVENTS.tokensRevoked, tokens: { bot: ['U0BOT0DELTA'] } } });
    const revoked = await waitUntil(async () => {
      const row = await installationRowOf('T0DELTA');
      return row?.revokedAt ? row : undefined;
    }, 'the installation to be revoked');
    expect(revoked.revokedReason).toBe('tokens_revoked');
    expect(
      await file.db.prisma.schedule.count({
        where: { workspaceId: seeded.workspace.id, status: 'PAUSED', pausedReason: 'uninstalled' },
      }),
    ).toBe(13);
    expect(await file.db.prisma.delivery.findUnique({ where: { id: seeded.queuedId } })).toMatchObject({
      status: 'CANCELLED',
      lastError: 'not_installed: tokens_revoked',
    });
    // Other workspaces are untouched.
    expect((await installationRowOf('T0ALPHA'))?.revokedAt).toBeNull();
  });

  it('app_uninstalled of an org-wide install revokes the org', async () => {
    const acme = file.liaison.driverFor('T0ACMESALES');
    await acme.event({
      event: { type: EVENTS.appUninstalled },
      enterpriseId: 'E0ACME',
      isEnterpriseInstall: true,
    });
    const revoked = await waitUntil(async () => {
      const row = await installationRowOf('E0ACME');
      return row?.revokedAt ? row : undefined;
    }, 'the org installation to be revoked');
    expect(revoked.revokedReason).toBe('app_uninstalled');
    expect(revoked.workspace.uninstalledAt).not.toBeNull();
    expect(await file.db.prisma.workspace.count({ where: { slackTeamId: 'T0ACMESALES' } })).toBe(0);
    // No team of the org is served any more.
    const { since } = await liaisonCommand(file.liaison.slack, file.liaison.driverFor('T0ACMESUPPORT'), {
      userId: 'W0ACME2',
      text: 'whoami',
      enterpriseId: 'E0ACME',
      isEnterpriseInstall: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(file.liaison.slack.calls().filter((call) => call.seq > since)).toEqual([]);
  });
});

describe('encryption key rotation', () => {
  it('refuses to start with a key that opens no installation', async () => {
    await expect(
      startOAuthLiaison({ db: file.db, key: randomBytes(32), slack: file.liaison.slack }),
    ).rejects.toThrow(/cannot decrypt the installation of workspace T0\w+ .*does not open this value/);
  });

  it('reads rows with the previous key and re-encrypts them with the new one at start', async () => {
    const newKey = randomBytes(32);
    const rotated = await startOAuthLiaison({
      db: file.db,
      key: newKey,
      previousKey: key,
      slack: file.liaison.slack,
    });
    try {
      const active = await file.db.prisma.installation.findMany({ where: { revokedAt: null } });
      expect(active.length).toBeGreaterThan(0);
      expect(rotated.logs().find((line) => line.msg === 'installations loaded')).toMatchObject({
        installations: active.length,
        reencrypted: active.length,
      });
      const withNewKeyOnly = createTokenCipher({ key: newKey });
      for (const row of active)
        expect(() => withNewKeyOnly.decrypt(row.installationEncrypted ?? '')).not.toThrow();
      const answered = await whoamiThrough(rotated, 'T0ALPHA', 'U0ALPHA3');
      expect(answered).toBe(
        await rotated.deps.installations.tokenFor((await installationRowOf('T0ALPHA'))?.workspaceId ?? ''),
      );
    } finally {
      await rotated.stop();
    }
  });
});

/** whoami through another running Liaison; resolves with the token users.info was called with. */
async function whoamiThrough(liaison: OAuthLiaison, teamId: string, userId: string) {
  await directorySyncsDone(liaison);
  liaison.slack.addUser({ id: userId });
  const { since } = await liaisonCommand(liaison.slack, liaison.driverFor(teamId), {
    userId,
    text: 'whoami',
  });
  await liaison.slack.waitForCall('response_url', (call) => call.seq > since, 5_000);
  return liaison.slack.callsTo('users.info').find((call) => call.args.user === userId && call.seq > since)
    ?.token;
}
