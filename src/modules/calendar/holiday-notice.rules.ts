import { addDays, isLocalDate, isoWeekday, type LocalDate } from './local-date.rules.js';

/**
 * Reads the State Council's yearly notice, "国务院办公厅关于20XX年部分节假日安排的通知", as
 * published, so an admin can add a year China's built-in data does not know yet. The year
 * comes from the title; each numbered line ("一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。
 * 1月4日（周日）上班。") gives its 放假 dates as days off and its 上班 dates as make-up workdays.
 * Full-width and half-width punctuation and digits are both read. A weekday written next to a
 * date must match it in that year, and a "共N天" must match the days counted: a mismatch means
 * the wrong year or a typo, so that line is reported and none of its dates are taken. Lines
 * about the holidays that cannot be read are reported, never dropped in silence; the
 * notice's other text (salutation, closing paragraph, signature) is ignored.
 */

export type NoticeProblemReason =
  | 'unreadable'
  | 'badDate'
  | 'weekday'
  | 'count'
  | 'endBeforeStart'
  | 'tooLong'
  | 'conflict';

export interface NoticeProblem {
  /** The line as pasted (normalised, clipped), so the admin can find it. */
  line: string;
  reason: NoticeProblemReason;
  /** The fragment at fault and numbers for the message. */
  params: Record<string, string | number>;
}

export interface NoticeItem {
  /** The holiday's name as the notice writes it (元旦, 春节, 中秋节、国庆节); null when the line has none. */
  name: string | null;
  daysOff: LocalDate[];
  workdays: LocalDate[];
}

export interface ParsedNotice {
  /** From the title ("关于2027年部分节假日安排"); null when the text has no such title. */
  year: number | null;
  /** Lines read completely, in the notice's order. */
  items: NoticeItem[];
  problems: NoticeProblem[];
}

/** A statutory holiday is at most a couple of weeks; a longer range is a typo. */
const MAX_RANGE_DAYS = 31;
const LINE_SHOWN_MAX = 120;

const ORDINAL = /^[一二三四五六七八九十]{1,3}、/;
/**
 * Where a pasted line is cut when the notice lost its line breaks: before a numbered item that
 * follows the end of a sentence (never "腊月二十八、" inside brackets), and before the closing
 * paragraph and the signature, whose date is not a holiday.
 */
const ITEM_START = /(?<=[.;])(?=[一二三四五六七八九十]{1,3}、)|(?=节假日期间)|(?=国务院办公厅\d)/;
const ANY_DATE = /\d{1,2}月\d{1,2}日/;
const TITLE_YEAR = [/(\d{4})年(?:部分)?节假日安排/, /关于(\d{4})年/, /现将(\d{4})年/];
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
/** One date; the weekday written after it became "#N" (see readAnnotations). */
const DATE_PART = String.raw`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:#(\d))?`;
const RANGE = new RegExp(`^${DATE_PART}(?:(?:至|到|~|-|—|–)${DATE_PART})?$`);

/** English names of the statutory holidays, for readers of English (stored names are the notice's). */
const ENGLISH_NAMES: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Tomb-sweeping Day',
  清明: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  端午: 'Dragon Boat Festival',
  中秋节: 'Mid-autumn Festival',
  中秋: 'Mid-autumn Festival',
  国庆节: 'National Day',
};

/** "春节" → "Spring Festival", "中秋节、国庆节" → "Mid-autumn Festival, National Day"; null when a part is unknown. */
export function englishHolidayName(name: string): string | null {
  const parts = name.split('、').map((part) => ENGLISH_NAMES[part.trim()]);
  return parts.every((part): part is string => part !== undefined) ? parts.join(', ') : null;
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/。/g, '.').replace(/；/g, ';');
}

function clipped(line: string): string {
  return line.length <= LINE_SHOWN_MAX ? line : `${line.slice(0, LINE_SHOWN_MAX - 1)}…`;
}

function yearOf(text: string): number | null {
  const compact = text.replace(/\s+/g, '');
  for (const pattern of TITLE_YEAR) {
    const match = compact.match(pattern);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}

/** "(周四)" → "#4"; other bracketed notes ("农历腊月二十八") are dropped, a weekday among them kept. */
function readAnnotations(text: string): string {
  return text.replace(/\(([^()]*)\)/g, (_whole, inner: string) => {
    const weekday = inner.match(/(?:周|星期|礼拜)([一二三四五六日天])/);
    return weekday?.[1] ? `#${WEEKDAYS[weekday[1]]}` : '';
  });
}

class LineProblem extends Error {
  constructor(
    readonly reason: NoticeProblemReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

/** What the dates before it said: a bare "3日" takes the month (and year) of the date before it. */
interface DateContext {
  year: number;
  month: number | null;
}

function dateFrom(
  parts: { year?: string; month?: string; day: string; weekday?: string },
  context: DateContext,
  fragment: string,
): LocalDate {
  const month = parts.month ? Number(parts.month) : context.month;
  if (month === null) throw new LineProblem('unreadable');
  let year = parts.year ? Number(parts.year) : context.year;
  // "12月31日至1月1日": the range runs into the next year.
  if (!parts.year && context.month !== null && month < context.month) year += 1;
  const date = `${year}-${String(month).padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  if (!isLocalDate(date)) throw new LineProblem('badDate', { text: fragment, year });
  if (parts.weekday && Number(parts.weekday) !== isoWeekday(date))
    throw new LineProblem('weekday', {
      text: fragment,
      said: WEEKDAY_NAMES[Number(parts.weekday)] ?? parts.weekday,
      year,
    });
  context.year = year;
  context.month = month;
  return date;
}

/** "1月1日#4至3日#6、1月5日" → every date it names, in order. */
function datesOf(expression: string, context: DateContext): LocalDate[] {
  const pieces = expression.split(/[、和及]/).filter((piece) => piece !== '');
  if (pieces.length === 0) throw new LineProblem('unreadable');
  const dates: LocalDate[] = [];
  for (const piece of pieces) {
    const match = piece.match(RANGE);
    if (!match) throw new LineProblem('unreadable');
    const shown = piece.replace(/#\d/g, '');
    const from = dateFrom(
      { year: match[1], month: match[2], day: match[3] as string, weekday: match[4] },
      context,
      shown,
    );
    if (match[7] === undefined) {
      dates.push(from);
      continue;
    }
    const to = dateFrom(
      { year: match[5], month: match[6], day: match[7], weekday: match[8] },
      context,
      shown,
    );
    if (to < from) throw new LineProblem('endBeforeStart', { text: shown });
    const range: LocalDate[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      range.push(date);
      if (range.length > MAX_RANGE_DAYS) throw new LineProblem('tooLong', { text: shown });
    }
    dates.push(...range);
  }
  return dates;
}

/** One numbered line: its name, its days off and its make-up workdays; a LineProblem when any part fails. */
function readItem(segment: string, year: number): NoticeItem {
  let body = segment.replace(ORDINAL, '');
  let name: string | null = null;
  const named = body.match(/^([^:\d]{1,20}):/);
  if (named?.[1]) {
    name = named[1];
    body = body.slice(named[0].length);
  }
  const daysOff: LocalDate[] = [];
  const workdays: LocalDate[] = [];
  let lastOff: { dates: LocalDate[]; said: number | null } | null = null;
  const checks: { dates: LocalDate[]; said: number }[] = [];
  for (const clause of readAnnotations(body).split(/[.;,]/)) {
    if (clause === '') continue;
    // Each sentence names its dates in full; only within one does a bare "3日" borrow the month.
    const context: DateContext = { year, month: null };
    const total = clause.match(/^共(\d+)天$/);
    if (total?.[1]) {
      if (lastOff) checks.push({ dates: lastOff.dates, said: Number(total[1]) });
      continue;
    }
    const offAt = clause.indexOf('放假');
    const workAt = clause.indexOf('上班');
    if (offAt >= 0 && (workAt < 0 || offAt < workAt)) {
      const dates = datesOf(clause.slice(0, offAt), context);
      const inline = clause.slice(offAt).match(/(?:共|放假(?:调休)?)(\d+)天/);
      if (inline?.[1]) checks.push({ dates, said: Number(inline[1]) });
      lastOff = { dates, said: null };
      daysOff.push(...dates);
    } else if (workAt >= 0) {
      workdays.push(...datesOf(clause.slice(0, workAt), context));
    } else if (ANY_DATE.test(clause)) {
      // A date with neither 放假 nor 上班: something this reader does not know.
      throw new LineProblem('unreadable');
    }
    // Anything else ("与周末连休", "不调休") says nothing about dates.
  }
  for (const check of checks)
    if (new Set(check.dates).size !== check.said)
      throw new LineProblem('count', { said: check.said, counted: new Set(check.dates).size });
  if (daysOff.length === 0 && workdays.length === 0) throw new LineProblem('unreadable');
  const sorted = (dates: LocalDate[]) => [...new Set(dates)].sort();
  return { name, daysOff: sorted(daysOff), workdays: sorted(workdays) };
}

function isHolidayLine(segment: string): boolean {
  return ORDINAL.test(segment) || (/放假|上班/.test(segment) && ANY_DATE.test(segment));
}

export function parseHolidayNotice(text: string): ParsedNotice {
  const normalised = normalise(text);
  const year = yearOf(normalised);
  if (year === null) return { year, items: [], problems: [] };
  const items: NoticeItem[] = [];
  const problems: NoticeProblem[] = [];
  const kindOf = new Map<LocalDate, 'off' | 'work'>();
  const segments = normalised
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ''))
    .flatMap((line) => line.split(ITEM_START))
    .filter((segment) => segment !== '' && isHolidayLine(segment));
  for (const segment of segments) {
    try {
      const item = readItem(segment, year);
      const clash = [
        ...item.daysOff.filter((date) => kindOf.get(date) === 'work' || item.workdays.includes(date)),
        ...item.workdays.filter((date) => kindOf.get(date) === 'off'),
      ][0];
      if (clash) throw new LineProblem('conflict', { text: clash });
      for (const date of item.daysOff) kindOf.set(date, 'off');
      for (const date of item.workdays) kindOf.set(date, 'work');
      items.push(item);
    } catch (error) {
      if (!(error instanceof LineProblem)) throw error;
      problems.push({ line: clipped(segment), reason: error.reason, params: error.params });
    }
  }
  return { year, items, problems };
}

/** Consecutive dates as [from, to] ranges: what a preview lists and a form carries. */
export function dateRanges(dates: readonly LocalDate[]): [LocalDate, LocalDate][] {
  const ranges: [LocalDate, LocalDate][] = [];
  for (const date of [...new Set(dates)].sort()) {
    const last = ranges.at(-1);
    if (last && addDays(last[1], 1) === date) last[1] = date;
    else ranges.push([date, date]);
  }
  return ranges;
}
