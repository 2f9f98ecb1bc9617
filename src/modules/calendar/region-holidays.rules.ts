import type { HolidaySource } from './calendar.types.js';
import { CHINA_COVERAGE, chinaHolidays } from './china-holidays.source.js';
import { usFederalHolidays } from './us-federal-holidays.source.js';

/** Public calendars Liaison knows, by Calendar.region. */
export const REGIONS = ['CN', 'US'] as const;
export type Region = (typeof REGIONS)[number];

export function isRegion(value: string | null | undefined): value is Region {
  return REGIONS.includes(value as Region);
}

export const REGION_HOLIDAYS: Record<Region, HolidaySource> = {
  CN: chinaHolidays,
  US: usFederalHolidays,
};

/** The built-in calendars every workspace has (Calendar rows created on first use). */
export const BUILT_IN_CALENDARS = [
  {
    key: 'cn',
    region: 'CN',
    nameEn: 'China (statutory holidays and make-up workdays)',
    nameZh: '中国法定节假日（含调休）',
  },
  { key: 'us', region: 'US', nameEn: 'United States federal holidays', nameZh: '美国联邦假日' },
] as const satisfies readonly { key: string; region: Region; nameEn: string; nameZh: string }[];

/** Years the data covers; `null` means computed by rule for any year. */
export const REGION_COVERAGE: Record<Region, { fromYear: number; toYear: number } | null> = {
  CN: CHINA_COVERAGE,
  US: null,
};
