import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  InstallationDto,
  SlackInstallationRecord,
  StoredInstallation,
} from '../../../src/modules/installations/installation.types.js';
import type { InstallationsRepository } from '../../../src/modules/installations/installations.repository.js';
import { createInstallationsService } from '../../../src/modules/installations/installations.service.js';
import { createTokenCipher } from '../../../src/modules/installations/token-cipher.service.js';
import { fixedClock } from '../../fakes/fixed-clock.js';

const cipher = createTokenCipher({ key: randomBytes(32) });

function record(teamId: string, token: string): SlackInstallationRecord {
  return {
    team: { id: teamId, name: teamId },
    enterprise: null,
    isEnterpriseInstall: false,
    bot: { token, scopes: ['commands'], id: `B${teamId}`, userId: `U${teamId}` },
    user: { id: 'U0ADMIN' },
  };
}

/** Rows in memory, and how often each read was made: the service's cache is what is under test. */
function fakeRepository() {
  const rows = new Map<string, StoredInstallation>();
  const reads = { byTeam: 0, listActive: 0 };
  let gate: Promise<void> | undefined;
  const put = (teamId: string, token: string, revoked = false) => {
    const installation: InstallationDto = {
      id: `I${teamId}`,
      workspaceId: `W${teamId}`,
      slackTeamId: teamId,
      enterpriseId: null,
      isEnterpriseInstall: false,
      appId: null,
      botUserId: `U${teamId}`,
      botId: `B${teamId}`,
      botScopes: ['commands'],
      botTokenExpiresAt: null,
      installedBySlackId: 'U0ADMIN',
      revokedAt: revoked ? new Date() : null,
      revokedReason: revoked ? 'app_uninstalled' : null,
    };
    rows.set(teamId, {
      installation,
      workspace: {
        id: `W${teamId}`,
        slackTeamId: teamId,
        enterpriseId: null,
        name: teamId,
        defaultLocale: 'en',
        defaultTimeZone: 'UTC',
        isDemo: false,
      },
      installationEncrypted: revoked ? null : cipher.encrypt(JSON.stringify(record(teamId, token))),
    });
  };
  const repo: InstallationsRepository = {
    async store() {
      throw new Error('not used');
    },
    async schedulesPausedByUninstall() {
      return [];
    },
    async findByTeam(teamId) {
      reads.byTeam += 1;
      await gate;
      return rows.get(teamId) ?? null;
    },
    async findOrgInstall() {
      return null;
    },
    async findByWorkspace(workspaceId) {
      return [...rows.values()].find((row) => row.installation.workspaceId === workspaceId) ?? null;
    },
    async listActive() {
      reads.listActive += 1;
      return [...rows.values()].filter((row) => !row.installation.revokedAt);
    },
    async replaceEncrypted() {},
    async revoke() {
      return null;
    },
  };
  return {
    repo,
    reads,
    put,
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const query = (teamId: string) => ({ teamId, isEnterpriseInstall: false });

describe('installations cache', () => {
  it('answers from memory after warm-up; a cold miss reads once however many ask at once', async () => {
    const fake = fakeRepository();
    fake.put('T1', 'xoxb-one');
    const clock = fixedClock('2026-01-05T09:00:00Z');
    const service = createInstallationsService({
      repo: fake.repo,
      cipher,
      clock,
      defaults: { locale: 'en', timeZone: 'UTC' },
    });
    await service.warmUp();
    expect((await service.find(query('T1')))?.record.bot?.token).toBe('xoxb-one');
    expect(fake.reads.byTeam).toBe(0);

    fake.put('T2', 'xoxb-two');
    const release = fake.hold();
    const asking = Promise.all([1, 2, 3].map(() => service.find(query('T2'))));
    release();
    expect((await asking).map((found) => found?.record.bot?.token)).toEqual([
      'xoxb-two',
      'xoxb-two',
      'xoxb-two',
    ]);
    expect(fake.reads.byTeam).toBe(1);
  });

  it('serves a stale entry at once and refreshes it in the background (a revocation elsewhere is seen)', async () => {
    const fake = fakeRepository();
    fake.put('T1', 'xoxb-one');
    const clock = fixedClock('2026-01-05T09:00:00Z');
    const service = createInstallationsService({
      repo: fake.repo,
      cipher,
      clock,
      defaults: { locale: 'en', timeZone: 'UTC' },
      options: { refreshAfterMs: 60_000 },
    });
    await service.warmUp();
    clock.advance(30_000);
    await service.find(query('T1'));
    expect(fake.reads.byTeam).toBe(0);

    // Another replica rotated the token, then another revoked it: a stale read never waits.
    fake.put('T1', 'xoxb-rotated');
    clock.advance(60_000);
    const release = fake.hold();
    const stale = await service.find(query('T1'));
    expect(stale?.record.bot?.token).toBe('xoxb-one');
    expect(fake.reads.byTeam).toBe(1);
    release();
    await settle();
    expect((await service.find(query('T1')))?.record.bot?.token).toBe('xoxb-rotated');

    fake.put('T1', '', true);
    clock.advance(61_000);
    await service.find(query('T1'));
    await settle();
    expect(await service.find(query('T1'))).toBeNull();
  });

  it('remembers "not installed" briefly, then asks the database again', async () => {
    const fake = fakeRepository();
    const clock = fixedClock('2026-01-05T09:00:00Z');
    const service = createInstallationsService({
      repo: fake.repo,
      cipher,
      clock,
      defaults: { locale: 'en', timeZone: 'UTC' },
      options: { missTtlMs: 10_000 },
    });
    expect(await service.find(query('T9'))).toBeNull();
    expect(await service.find(query('T9'))).toBeNull();
    expect(fake.reads.byTeam).toBe(1);
    fake.put('T9', 'xoxb-nine');
    clock.advance(10_001);
    expect((await service.find(query('T9')))?.record.bot?.token).toBe('xoxb-nine');
    expect(fake.reads.byTeam).toBe(2);
  });
});
