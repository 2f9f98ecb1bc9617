import type { Database } from '../db/database.js';
import type { SupportedLocale } from '../i18n/locales.js';
import type { Logger } from '../logger.js';
import type { ActionItemsService } from '../modules/action-items/action-items.service.js';
import type { CalendarFeature } from '../modules/calendar/index.js';
import { createEscalationCardsPrismaRepository } from '../modules/escalations/escalation-cards.prisma-repository.js';
import { createEscalationsPrismaRepository } from '../modules/escalations/escalations.prisma-repository.js';
import type { ActionItemsPort } from '../modules/escalations/escalations.repository.js';
import {
  createEscalationsService,
  type EscalationsService,
} from '../modules/escalations/escalations.service.js';
import type { Notify } from '../modules/notifications/notify.service.js';
import type { Clock } from '../modules/shared/clock.types.js';
import {
  createEscalationCardRefresher,
  type EscalationCardRefresher,
} from '../slack/escalations/escalation-card-refresher.js';
import { createSlackEscalationNotifier } from '../slack/escalations/escalation-notifier.js';
import {
  createEscalationStepCheck,
  type EscalationStepCheck,
} from '../slack/escalations/escalation-permission-check.js';
import type { WorkspaceSlackClients } from '../slack/workspace-clients.js';

/** Action items of a decision, created by the action-items module inside the resolution's transaction. */
function actionItemsPort(service: Pick<ActionItemsService, 'createMany'>): ActionItemsPort {
  return {
    async createMany(tx, input) {
      await service.createMany(
        input.items.map((item) => ({
          workspaceId: input.workspaceId,
          title: item.title,
          ownerPersonId: item.ownerPersonId,
          ownerDepartmentId: item.ownerDepartmentId ?? null,
          due: { date: item.dueOn },
          sourceType: 'escalation' as const,
          sourceId: input.escalationId,
          decisionId: input.decisionId,
          createdByPersonId: input.createdByPersonId,
        })),
        { actorSlackId: input.actorSlackId, tx },
      );
    },
  };
}

/** The escalation ladder over PostgreSQL, telling people through notify(). */
export function buildEscalationsService(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  calendar: CalendarFeature;
  notify: Notify;
  defaults: { locale: SupportedLocale; timeZone: string };
  actionItems?: Pick<ActionItemsService, 'createMany'>;
  /** After every committed change (e.g. refresh the escalation's cards); must not throw. */
  onChanged?: (change: { escalationId: string; workspaceId: string; personIds: string[] }) => void;
}): EscalationsService {
  const logger = input.logger.child({ component: 'escalations' });
  return createEscalationsService({
    repo: createEscalationsPrismaRepository(input.db.prisma, {
      ...(input.actionItems ? { actionItems: actionItemsPort(input.actionItems) } : {}),
    }),
    clock: input.clock,
    calendars: input.calendar.calendars,
    notifier: createSlackEscalationNotifier({ notify: input.notify, defaults: input.defaults }),
    actionItemsEnabled: input.actionItems !== undefined,
    ...(input.onChanged ? { onChanged: input.onChanged } : {}),
    onNotifyError: (error, notice) =>
      logger.error(
        { err: error, escalationId: notice.escalation.id, key: notice.key },
        'could not queue an escalation notice; the change stands',
      ),
    onSweepError: (error, escalationId) =>
      logger.error({ err: error, escalationId }, 'could not act on an escalation deadline; retried next run'),
  });
}

/** Escalation cards in department channels, and the check a button makes before its modal. */
export interface EscalationCards {
  refresher: EscalationCardRefresher;
  checkStep: EscalationStepCheck;
}

export function buildEscalationCards(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  slackClients: Pick<WorkspaceSlackClients, 'bulkFor'>;
  notify: Notify;
  defaults: { locale: SupportedLocale };
}): EscalationCards {
  return {
    refresher: createEscalationCardRefresher({
      repo: createEscalationCardsPrismaRepository(input.db.prisma),
      clients: input.slackClients,
      logger: input.logger.child({ component: 'escalation-cards' }),
      defaultLocale: input.defaults.locale,
      notify: input.notify,
      clock: input.clock,
    }),
    checkStep: createEscalationStepCheck(createEscalationsPrismaRepository(input.db.prisma)),
  };
}
