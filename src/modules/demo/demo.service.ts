import { DateTime } from 'luxon';
import type { SupportedLocale } from '../../i18n/locales.js';
import { quarterBounds, quarterKey, quarterOf } from '../escalations/assessment.rules.js';
import { breachedLevel } from '../kpis/kpi-plan.rules.js';
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
import { DEMO_CHECK_IN_ROUNDS_DAYS_AGO, DEMO_OBJECTIVES } from './demo-okrs.data.js';

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
  // Every start of the console comes here; building the history takes ≈ 0.1 s of it.
  if (await repo.hasKpis(DEMO_TEAM.teamId)) return;
  const zone = (await repo.timeZoneOf(DEMO_TEAM.teamId)) ?? 'UTC';
  const today = clock.now();
  await repo.seedKpis(
    DEMO_TEAM.teamId,
    DEMO_KPIS.map((kpi) => {
      const history = demoHistory(kpi, today, zone);
      const plan = DEMO_KPI_PLANS[kpi.key] ?? [];
      // The plan evaluated over the seeded history, as the next sample would be.
      const { level, latest } = breachedLevel({ ...kpi, period: 'DAILY' }, plan, history);
      const standing = level > 0 && latest ? { level, period: latest.period, value: latest.value } : null;
      return { kpi, history, plan, standing };
    }),
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

/**
 * The console's demo gets a quarter of OKRs (the current one, in the workspace's zone): company
 * objectives, department ones aligned to them and tied to the demo KPIs, and the last two weekly
 * check-in rounds (those inside the quarter), so `/okr show` and `/okr review` show something.
 * Once per quarter: a period that already has objectives is left alone.
 */
export async function ensureDemoOkrs(deps: { repo: DemoRepository; clock?: Clock }): Promise<number> {
  const zone = (await deps.repo.timeZoneOf(DEMO_TEAM.teamId)) ?? 'UTC';
  const now = (deps.clock ?? systemClock).now();
  const quarter = quarterOf(now, zone);
  const bounds = quarterBounds(quarter, zone);
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const rounds = DEMO_CHECK_IN_ROUNDS_DAYS_AGO.map((days) => today.minus({ days }))
    .filter((day) => (day.toISODate() ?? '') >= bounds.firstDay)
    .map((day) => ({ cycleOn: day.toISODate() ?? '', at: day.set({ hour: 10 }).toJSDate() }));
  return deps.repo.seedOkrs(DEMO_TEAM.teamId, {
    period: { key: quarterKey(quarter), startsOn: bounds.firstDay, endsOn: bounds.lastDay },
    rounds,
    objectives: DEMO_OBJECTIVES,
  });
}
