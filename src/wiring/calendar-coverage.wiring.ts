import type { Database } from '../db/database.js';
import { resolveLocale, translator } from '../i18n/catalog.js';
import type { SupportedLocale } from '../i18n/locales.js';
import type { Logger } from '../logger.js';
import { createCoveragePrismaRepository } from '../modules/calendar/coverage.prisma-repository.js';
import { type CoverageService, createCoverageService } from '../modules/calendar/coverage.service.js';
import type { CalendarFeature } from '../modules/calendar/index.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { coverageNoticeMessage } from '../slack/views/calendar-coverage.view.js';
import type { NotificationsSlackDeps } from './notifications.wiring.js';

/**
 * How far each calendar's holidays are known, and the warnings to admins before a calendar
 * in use runs out (src/features/calendar/calendar-coverage.job.ts runs them daily).
 */
export function buildCalendarCoverage(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  calendar: CalendarFeature;
  notifications: Pick<NotificationsSlackDeps, 'notify'>;
  defaultLocale: SupportedLocale;
}): CoverageService {
  const logger = input.logger.child({ component: 'calendar-coverage' });
  return createCoverageService({
    repo: createCoveragePrismaRepository(input.db.prisma),
    clock: input.clock,
    notify: input.notifications.notify,
    requireAdmin: (actor, attempted) => input.calendar.calendars.requireAdmin(actor, attempted),
    message: (recipient, notice) => {
      const locale = resolveLocale(recipient.locale, input.defaultLocale);
      return coverageNoticeMessage(translator(locale), locale, notice, recipient.timeZone);
    },
    onError: (error, context) => logger.error({ err: error, ...context }, 'could not warn an admin'),
  });
}
