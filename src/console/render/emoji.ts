/**
 * The emoji shortcodes Liaison's own messages use, as the characters Slack shows for them
 * (tests/console/render/emoji.test.ts keeps every shortcode in the catalogs listed here).
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
  large_blue_circle: '🔵',
  white_circle: '⚪',
  spiral_calendar_pad: '🗓️',
  triangular_flag_on_post: '🚩',
  zzz: '💤',
  no_bell: '🔕',
  hourglass: '⌛',
  alarm_clock: '⏰',
  double_vertical_bar: '⏸️',
  arrow_forward: '▶️',
  bust_in_silhouette: '👤',
  busts_in_silhouette: '👥',
  arrows_counterclockwise: '🔄',
  bar_chart: '📊',
  clipboard: '📋',
  pushpin: '📌',
  mag: '🔍',
  bulb: '💡',
  inbox_tray: '📥',
  outbox_tray: '📤',
  page_facing_up: '📄',
  paperclip: '📎',
  speech_balloon: '💬',
  lock: '🔒',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  exclamation: '❗',
  question: '❓',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  arrow_right: '➡️',
  arrow_up_small: '🔼',
  arrow_down_small: '🔽',
  small_red_triangle: '🔺',
  small_red_triangle_down: '🔻',
  star: '⭐',
  trophy: '🏆',
  handshake: '🤝',
  link: '🔗',
  gear: '⚙️',
  wrench: '🔧',
  sos: '🆘',
  heavy_plus_sign: '➕',
  heavy_minus_sign: '➖',
  checkered_flag: '🏁',
  construction: '🚧',
  eyes: '👀',
  raising_hand: '🙋',
  thumbsup: '👍',
  '+1': '👍',
  thumbsdown: '👎',
  '-1': '👎',
};

/** Whether a shortcode is one the console shows as its emoji (the rest stay as typed). */
export function isKnownEmoji(name: string): boolean {
  return name in SHORTCODES;
}

/** plain_text shows shortcodes as emoji too, unless the app set `emoji: false`. */
export function plainTextOf(object: { text: string; emoji?: boolean }): string {
  return object.emoji === false ? object.text : replaceEmojiShortcodes(object.text);
}

export function replaceEmojiShortcodes(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => SHORTCODES[name] ?? whole);
}
