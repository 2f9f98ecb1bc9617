/** The languages Liaison speaks; every catalog has the same keys in each. */
export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
