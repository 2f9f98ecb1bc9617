// Shown by `help` and on start-up. Kept as data so both languages stay in step: a command
// added to one table without the other is a type error.

export type ConsoleLocale = 'en' | 'zh-CN';

const TOPICS = [
  'slash',
  'press',
  'menu',
  'choose',
  'untick',
  'set',
  'submit',
  'cancel',
  'home',
  'inbox',
  'channel',
  'open',
  'say',
  'escalateThis',
  'as',
  'help',
  'quit',
] as const;
type Topic = (typeof TOPICS)[number];

const SYNTAX: Readonly<Record<Topic, string>> = {
  slash: '/liaison <text>',
  press: 'press N   (p N, N)',
  menu: 'press N.M',
  choose: 'choose N <choice>[,<choice>…]',
  untick: 'untick N <choice>[,<choice>…]',
  set: 'set N <text>',
  submit: 'submit',
  cancel: 'cancel   (close)',
  home: 'home',
  inbox: 'inbox',
  channel: 'channel [#name]',
  open: 'open [<file>]',
  say: 'say <text>',
  escalateThis: 'escalate-this',
  as: 'as <user>',
  help: 'help   (?)',
  quit: 'quit   (exit)',
};

const TEXT: Readonly<
  Record<ConsoleLocale, { title: string; footer: string; topics: Record<Topic, string> }>
> = {
  en: {
    title: 'Liaison console: type what you would type in Slack, and these commands:',
    footer: 'Numbers in [brackets] identify buttons, menus and fields on screen.',
    topics: {
      slash: 'run a slash command, exactly as in Slack (e.g. /liaison help)',
      press: 'press button N',
      menu: 'pick item M of overflow menu N',
      choose:
        'select in menu, radio or checkbox group N by option number, value or name (people and channels by name); commas for several; `choose N none` clears all',
      untick: 'untick options of checkbox group or multi-select N, keeping the others',
      set: 'fill field N; dates as YYYY-MM-DD, times as HH:MM; `\\n` is a new line in a multi-line field; `set N` alone clears it',
      submit: 'submit the open modal',
      cancel: 'close the open modal',
      home: "show the app's Home tab",
      inbox: 'your direct messages from Liaison (the latest 10), with their buttons',
      channel: "a channel's latest 10 messages, with their buttons; alone: the list of channels",
      open: 'show a file shared with you (e.g. from /liaison export me) and save it; alone: your files',
      say: 'post a message as yourself in the channel (as if typed in Slack); `\\n` starts a new line',
      escalateThis: 'use the “Escalate this” message shortcut on the last message shown',
      as: 'act as another demo user (id or name)',
      help: 'show this help',
      quit: 'leave the console',
    },
  },
  'zh-CN': {
    title: 'Liaison 控制台：可以像在 Slack 中一样输入斜杠命令，另有以下命令：',
    footer: '屏幕上方括号中的数字 [N] 对应按钮、菜单和表单字段。',
    topics: {
      slash: '执行斜杠命令，与 Slack 中完全相同（例如 /liaison help）',
      press: '点击按钮 N',
      menu: '选择溢出菜单 N 中的第 M 项',
      choose:
        '在下拉菜单、单选或多选组 N 中按选项编号、值或名称选择（人员和频道可用名称）；多个选项用逗号分隔；`choose N none` 全部清除',
      untick: '取消勾选多选组或多选菜单 N 中的选项，其余保持不变',
      set: '填写字段 N；日期格式为 YYYY-MM-DD，时间格式为 HH:MM；多行字段中用 `\\n` 换行；只输入 `set N` 则清空',
      submit: '提交当前打开的对话框',
      cancel: '关闭当前打开的对话框',
      home: '显示应用的主页（Home）标签',
      inbox: '你收到的 Liaison 私信（最近 10 条），附带按钮',
      channel: '频道的最近 10 条消息，附带按钮；不带参数：列出频道',
      open: '查看并保存发给你的文件（例如 /liaison export me 的导出）；不带参数：列出你的文件',
      say: '以你的身份在频道中发一条消息（如同在 Slack 中输入）；`\\n` 换行',
      escalateThis: '对上方最后一条消息使用消息快捷方式“升级此消息”（Escalate this）',
      as: '切换为另一位演示用户（ID 或名称）',
      help: '显示本帮助',
      quit: '退出控制台',
    },
  },
};

/** The console's command reference in the given language. */
export function consoleHelpText(locale: ConsoleLocale): string {
  const text = TEXT[locale];
  const syntaxWidth = Math.max(...Object.values(SYNTAX).map((syntax) => syntax.length));
  const rows = TOPICS.map((topic) => `  ${SYNTAX[topic].padEnd(syntaxWidth)}  ${text.topics[topic]}`);
  return [text.title, ...rows, text.footer].join('\n');
}
