import type { Actor } from '../access/access.types.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { AbsenceDto } from './calendar.dto.js';
import type { CalendarRepository } from './calendar.repository.js';
import { timeZoneOf } from './calendar-resolution.rules.js';
import { addDays, type LocalDate, localDateAt, utcMidnightMs } from './local-date.rules.js';

/** Longest absence one command records; longer leave is rare and likely a typo in the year. */
const MAX_ABSENCE_DAYS = 366;

export interface AbsenceService {
  /** Records an absence (inclusive local dates, `from` defaults to today); overlapping ones are replaced. */
  goAway(
    actor: Actor,
    input: { from: LocalDate | null; to: LocalDate; reason: string | null },
  ): Promise<{ absence: AbsenceDto; replaced: AbsenceDto[] }>;
  /** Ends the absence covering today (today is a working day again); null when there is none. */
  comeBack(actor: Actor): Promise<AbsenceDto | null>;
}

export function createAbsenceService(deps: { repo: CalendarRepository; clock: Clock }): AbsenceService {
  const { repo, clock } = deps;

  async function todayFor(actor: Actor): Promise<LocalDate> {
    return localDateAt(clock.now(), timeZoneOf(await repo.settingsOf(actor.personId)));
  }

  return {
    async goAway(actor, { from, to, reason }) {
      const today = await todayFor(actor);
      const start = from ?? today;
      const refuse = (code: string, key: 'inPast' | 'endBeforeStart' | 'tooLong') =>
        new DomainError(
          `absence.${code}`,
          { key: `calendar.errors.${key}`, params: { from: start, to, today, max: MAX_ABSENCE_DAYS } },
          { detail: `person ${actor.slackUserId} asked for ${start}..${to}, today is ${today}` },
        );
      if (start < today || to < today) throw refuse('in_past', 'inPast');
      if (to < start) throw refuse('end_before_start', 'endBeforeStart');
      if ((utcMidnightMs(to) - utcMidnightMs(start)) / 86_400_000 + 1 > MAX_ABSENCE_DAYS)
        throw refuse('too_long', 'tooLong');
      const { created, replaced } = await repo.replaceAbsences(actor, { from: start, to, reason });
      return { absence: created, replaced };
    },

    async comeBack(actor) {
      const today = await todayFor(actor);
      const current = (await repo.absencesOf(actor.personId, today)).find((absence) => absence.from <= today);
      if (!current) return null;
      await repo.endAbsence(actor, current, addDays(today, -1), clock.now());
      return current;
    },
  };
}
