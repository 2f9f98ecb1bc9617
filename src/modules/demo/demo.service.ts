import type { SupportedLocale } from '../../i18n/locales.js';
import type { Clock } from '../shared/clock.types.js';
import { systemClock } from '../shared/clock.types.js';
import {
  DEMO_DEPARTMENTS,
  DEMO_MEETING_SERIES,
  DEMO_PEOPLE,
  DEMO_TEAM,
  demoDepartmentChannel,
} from './demo.data.js';
import type { DemoRepository } from './demo.repository.js';
import { DEMO_KPI_PLANS } from './demo-kpi-plans.data.js';
import { DEMO_KPIS, demoHistory } from './demo-kpis.data.js';

/**
 * Creates the demo workspace on first run, with the plan's KPIs and 90 days of their history
 * (also given to a demo workspace seeded before KPIs existed); later runs change nothing.
 */
export async function ensureDemoWorkspace(deps: {
  repo: DemoRepository;
  defaults: { locale: SupportedLocale; timeZone: string };
  clock?: Clock;
}): Promise<{ created: boolean }> {
  if (await deps.repo.isSeeded(DEMO_TEAM.teamId)) {
    await ensureDemoKpis(deps.repo, deps.clock ?? systemClock);
    return { created: false };
  }
  await deps.repo.seed(
    {
      slackTeamId: DEMO_TEAM.teamId,
      name: DEMO_TEAM.name,
      defaultLocale: deps.defaults.locale,
      defaultTimeZone: deps.defaults.timeZone,
      isDemo: true,
    },
    DEMO_DEPARTMENTS,
    DEMO_PEOPLE,
  );
  await ensureDemoKpis(deps.repo, deps.clock ?? systemClock);
  return { created: true };
}

async function ensureDemoKpis(repo: DemoRepository, clock: Clock): Promise<void> {
  const zone = (await repo.timeZoneOf(DEMO_TEAM.teamId)) ?? 'UTC';
  const today = clock.now();
  await repo.seedKpis(
    DEMO_TEAM.teamId,
    DEMO_KPIS.map((kpi) => ({
      kpi,
      history: demoHistory(kpi, today, zone),
      plan: DEMO_KPI_PLANS[kpi.key] ?? [],
    })),
  );
}

/**
 * The local console's demo departments get channels (those without one), so escalation cards
 * have somewhere to go, and the plan's two joint meetings (weekly supply chain + marketing +
 * tech, monthly all 12); returns the channels for the Slack stand-in to know.
 */
export async function ensureDemoChannels(deps: {
  repo: DemoRepository;
}): Promise<{ id: string; name: string }[]> {
  const channels = DEMO_DEPARTMENTS.map((d) => ({ key: d.key, ...demoDepartmentChannel(d.key) }));
  await deps.repo.giveChannels(
    DEMO_TEAM.teamId,
    channels.map((c) => ({ key: c.key, channelId: c.id })),
  );
  // The plan's two joint meetings post in these channels, so they come with them.
  await deps.repo.giveMeetingSeries(DEMO_TEAM.teamId, DEMO_MEETING_SERIES);
  return channels.map(({ id, name }) => ({ id, name }));
}
