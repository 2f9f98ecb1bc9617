import { describe, expect, it } from 'vitest';
import { installationServes } from '../../../src/modules/installations/installation.rules.js';

describe('which requests an installation serves', () => {
  const team = { teamId: 'T0HOME', isEnterpriseInstall: false };
  const gridTeam = { teamId: 'T0HOME', enterpriseId: 'E0ACME', isEnterpriseInstall: false };
  const org = { teamId: 'E0ACME', enterpriseId: 'E0ACME', isEnterpriseInstall: true };

  it('a workspace install: its own team only', () => {
    expect(installationServes(team, { teamId: 'T0HOME', isEnterpriseInstall: false })).toBe(true);
    expect(installationServes(team, { teamId: 'T0FOREIGN', isEnterpriseInstall: false })).toBe(false);
    expect(installationServes(team, { isEnterpriseInstall: false })).toBe(false);
  });

  it('a workspace install on Enterprise Grid: its team and its own org, never another org', () => {
    expect(
      installationServes(gridTeam, { teamId: 'T0HOME', enterpriseId: 'E0ACME', isEnterpriseInstall: false }),
    ).toBe(true);
    expect(
      installationServes(gridTeam, { teamId: 'T0SALES', enterpriseId: 'E0ACME', isEnterpriseInstall: false }),
    ).toBe(true);
    expect(
      installationServes(gridTeam, {
        teamId: 'T0OTHER',
        enterpriseId: 'E0OTHER',
        isEnterpriseInstall: false,
      }),
    ).toBe(false);
    expect(installationServes(gridTeam, { teamId: 'T0OTHER', isEnterpriseInstall: false })).toBe(false);
  });

  it('an org-wide install: every team of its org, nothing outside it', () => {
    expect(
      installationServes(org, { teamId: 'T0SALES', enterpriseId: 'E0ACME', isEnterpriseInstall: true }),
    ).toBe(true);
    expect(installationServes(org, { enterpriseId: 'E0ACME', isEnterpriseInstall: true })).toBe(true);
    expect(installationServes(org, { teamId: 'E0ACME', isEnterpriseInstall: false })).toBe(false);
    expect(
      installationServes(org, { teamId: 'T0X', enterpriseId: 'E0OTHER', isEnterpriseInstall: true }),
    ).toBe(false);
  });
});
