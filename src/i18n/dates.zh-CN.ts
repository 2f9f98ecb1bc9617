import type { CatalogShape } from './catalog-shape.js';
import type { datesEn } from './dates.en.js';

export const datesZhCN: CatalogShape<typeof datesEn> = {
  errors: {
    malformed: '「{text}」不是日期。请按 YYYY-MM-DD 书写，例如 2026-12-01。',
    noSuchMonth: '「{text}」不是日期：一年只有 12 个月。',
    noSuchDay: '「{text}」不是日期：{year}-{month} 只有 {days} 天。',
    beforeToday: '该日期已经过去（今天是 {today}）。请选择今天或之后的日期。',
    tooEarly: '{date} 太早了。请选择 {min} 或之后的日期。',
    tooLate: '{date} 太远了。请选择 {max} 或之前的日期。',
  },
};
