import type { SupportedLocale } from '../../i18n/locales.js';
import { DEMO_DEPARTMENTS, DEMO_PEOPLE, DEMO_TEAM, demoDepartmentChannel } from './demo.data.js';
import type { DemoRepository } from './demo.repository.js';

/** Creates the demo workspace on first run; later runs find it and change nothing. */
export async function ensureDemoWorkspace(deps: {
  repo: DemoRepository;
  defaults: { locale: SupportedLocale; timeZone: string };
}): Promise<{ created: boolean }> {
  if (await deps.repo.isSeeded(DEMO_TEAM.teamId)) return { created: false };
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
  return { created: true };
}

/**
 * The local console's demo departments get channels (those without one), so escalation cards
 * have somewhere to go; returns the channels for the Slack stand-in to know.
 */
export async function ensureDemoChannels(deps: {
  repo: DemoRepository;
}): Promise<{ id: string; name: string }[]> {
  const channels = DEMO_DEPARTMENTS.map((d) => ({ key: d.key, ...demoDepartmentChannel(d.key) }));
  await deps.repo.giveChannels(
    DEMO_TEAM.teamId,
    channels.map((c) => ({ key: c.key, channelId: c.id })),
  );
  return channels.map(({ id, name }) => ({ id, name }));
}
