/**
 * The emoji shortcodes Liaison's own messages use, as the characters Slack shows for them.
 * Unknown shortcodes stay as typed (`:custom_emoji:`), which is what Slack shows without
 * the image too.
 */
const SHORTCODES: Readonly<Record<string, string>> = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  rotating_light: '🚨',
  calendar: '📅',
  date: '📅',
  bell: '🔔',
  hourglass_flowing_sand: '⏳',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  memo: '📝',
  dart: '🎯',
  fire: '🔥',
  wave: '👋',
  tada: '🎉',
  information_source: 'ℹ️',
  red_circle: '🔴',
  large_yellow_circle: '🟡',
  large_green_circle: '🟢',
};

export function replaceEmojiShortcodes(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => SHORTCODES[name] ?? whole);
}
