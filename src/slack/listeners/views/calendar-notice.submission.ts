import { z } from 'zod';
import type { NoticeItem } from '../../../modules/calendar/holiday-notice.rules.js';
import { addDays, isLocalDate } from '../../../modules/calendar/local-date.rules.js';
import { DomainError, isDomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import { CALENDAR_FIELDS } from '../../ids.js';
import type { ViewSubmissionArgs } from '../../listener-args.types.js';
import { readMetadata } from '../../parsers/metadata.parser.js';
import { readViewState, withModalErrors } from '../../parsers/view-state.parser.js';
import {
  NOTICE_METADATA_MAX,
  noticeAppliedText,
  noticePreviewMetadata,
  noticePreviewModal,
  noticeResultModal,
} from '../../views/calendar-notice.view.js';

const CALENDAR_KEY = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);
const DATE = z.string().refine(isLocalDate);
const formMetadata = z.object({ k: CALENDAR_KEY }).strict();
const previewMetadata = z
  .object({
    k: CALENDAR_KEY,
    y: z.number().int().min(2000).max(2100),
    i: z
      .array(
        z
          .object({
            n: z.string().max(40).nullable(),
            h: z.array(z.tuple([DATE, DATE])).max(60),
            w: z.array(DATE).max(60),
          })
          .strict(),
      )
      .min(1)
      .max(20),
  })
  .strict();

function badForm(detail: string): DomainError {
  return new DomainError('calendar.notice_invalid', { key: 'calendar.notice.errors.invalid' }, { detail });
}

function readJson<T>(text: string, schema: z.ZodType<T>): T {
  return readMetadata(text, schema, {
    code: 'calendar.notice_invalid',
    message: 'calendar.notice.errors.invalid',
    what: 'holiday notice metadata',
  });
}

/** The preview's ranges back into dates; a range the preview cannot have made is refused. */
function itemsOf(metadata: z.infer<typeof previewMetadata>): NoticeItem[] {
  return metadata.i.map((item) => {
    const daysOff: string[] = [];
    for (const [from, to] of item.h) {
      if (to < from) throw badForm(`range ${from}..${to}`);
      for (let date = from; date <= to; date = addDays(date, 1)) {
        daysOff.push(date);
        if (daysOff.length > 366) throw badForm(`range ${from}..${to}`);
      }
    }
    return { name: item.n, daysOff, workdays: item.w };
  });
}

/**
 * The pasted notice was submitted: it is read (nothing stored) and the form turns into the
 * preview. A notice with no year or no readable line stays open with the reason under the box.
 */
export function calendarNoticeSubmission(deps: SlackDeps) {
  return async (args: ViewSubmissionArgs): Promise<void> => {
    const { ack, view } = args;
    const actor = await args.context.actor();
    const { preview, metadata } = await withModalErrors(
      { text: CALENDAR_FIELDS.noticeText },
      CALENDAR_FIELDS.noticeText,
      async () => {
        const { k: key } = readJson(view.private_metadata, formMetadata);
        const text = readViewState(view.state.values).text(CALENDAR_FIELDS.noticeText) ?? '';
        const read = await deps.calendar.calendars.previewNotice(actor.subject, { key, text });
        const carried = noticePreviewMetadata(read);
        if (carried.length > NOTICE_METADATA_MAX)
          throw new DomainError(
            'calendar.notice_too_many',
            { key: 'calendar.notice.errors.tooMany' },
            { field: 'text', detail: `${carried.length} characters of notice metadata` },
          );
        return { preview: read, metadata: carried };
      },
    );
    await ack({
      response_action: 'update',
      view: noticePreviewModal(actor.t, actor.locale, preview, metadata),
    });
  };
}

/**
 * The preview was confirmed: what it shows is stored in one transaction (the service checks
 * the admin and the dates again). Cancelling the preview closes it and stores nothing. The
 * preview has no field to put an error under, so a refusal is the last step's text.
 */
export function calendarNoticePreviewSubmission(deps: SlackDeps) {
  return async (args: ViewSubmissionArgs): Promise<void> => {
    const { ack, view } = args;
    const actor = await args.context.actor();
    let text: string;
    let added = false;
    try {
      const metadata = readJson(view.private_metadata, previewMetadata);
      const applied = await deps.calendar.calendars.applyNotice(actor.subject, {
        key: metadata.k,
        year: metadata.y,
        items: itemsOf(metadata),
      });
      text = noticeAppliedText(actor.t, actor.locale, applied);
      added = true;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      deps.logger.info({ code: error.code, err: error }, 'a holiday notice was not added');
      text = actor.t('calendar.notice.failed', {
        reason: actor.t(error.userMessage.key, error.userMessage.params),
      });
    }
    await ack({ response_action: 'update', view: noticeResultModal(actor.t, text, added) });
    if (added) deps.home.requestRefresh(actor.workspace.id, [actor.person.id]);
  };
}
