import type { calendarEn } from './calendar.en.js';
import type { CatalogShape } from './catalog-shape.js';

/** 日历与请假的简体中文消息（在 zh-CN.ts 中并入 `calendar`）。Keys and {placeholders} mirror calendar.en.ts. */
export const calendarZhCN: CatalogShape<typeof calendarEn> = {
  help: {
    hours: '`/liaison hours [09:30-18:30] [mon-fri]` — 你的工作日和工作时间（提醒和截止时间只计算这些时间）',
    away: '`/liaison away until YYYY-MM-DD [原因]`（或 `away YYYY-MM-DD..YYYY-MM-DD`）— 登记请假：这些天不会收到提醒',
    back: '`/liaison back` — 今天结束请假',
    calendar: '`/liaison calendar` — 你遵循的节假日日历和接下来的休息日',
    use: '`/liaison calendar use cn|us|KEY|none` — 选择你的日历（`none`：遵循部门或工作区的日历）',
    add: '`/liaison calendar add KEY YYYY-MM-DD holiday|workday [名称] [--based-on cn|us]` — 向日历添加日期（日历不存在时创建）',
    remove: '`/liaison calendar remove KEY YYYY-MM-DD` — 从日历中删除日期',
    default: '`/liaison calendar default KEY` — 工作区默认日历（未另行选择的人都遵循它）',
    department: '`/liaison calendar department 部门KEY 日历KEY` — 设置部门日历',
  },
  hours: {
    current:
      '你的工作时间：*{days}*，*{start}–{end}*（{timeZone}）。可用 `/liaison hours 09:30-18:30 mon-fri` 更改。',
    changed: '从现在起你的工作时间为 *{days}*，*{start}–{end}*（{timeZone}）。',
  },
  away: {
    recorded: '已登记请假：*{from}* 至 *{to}*。这些天 Liaison 不会提醒你。',
    reason: '原因：{reason}',
    replaced: '这会替换你之前的请假 {ranges}。',
    back: '欢迎回来 — 你的请假（{from} 至 {to}）已于今天结束。',
    notAway: '你今天没有请假，无需结束。',
  },
  view: {
    fallback: '你的日历：{calendar}',
    title: '你的日历',
    followsOwn: '你遵循 *{calendar}* — 由你自己选择。',
    followsDepartment: '你遵循 *{calendar}* — 你所在部门「{department}」的日历。',
    followsWorkspace: '你遵循 *{calendar}* — 工作区默认日历。',
    followsNone:
      '你没有遵循任何节假日日历，只按每周休息日安排。可用 `/liaison calendar use cn` 或 `us` 选择。',
    upcomingHeading: '*接下来的休息日*（自 {today} 起）',
    holiday: '• {date} — 节假日：{name}',
    holidayUnnamed: '• {date} — 节假日',
    weekend: '• {date} — 周末',
    makeUpWorkday: '• {date} — *调休上班*（{name}）：工作日',
    makeUpWorkdayUnnamed: '• {date} — *调休上班*：工作日',
    nothingAhead: '未来一年内没有休息日。',
    notCovered: ':warning: 该日历的法定节假日目前只收录到 {year} 年；之后的日期在数据更新前只按周末计算。',
    source: '中国：国务院公布的法定节假日与调休安排。美国：联邦假日，遇周末顺延至最近的工作日。',
  },
  changed: {
    use: '从现在起你遵循 *{calendar}*。',
    useNone: '你不再有自己选择的日历。{follows}',
    dateAddedHoliday: '{date} 现在是 *{calendar}* 的节假日{name}。',
    dateAddedWorkday: '{date} 现在是 *{calendar}* 的工作日{name}。',
    created: '已创建日历 *{calendar}*{basedOn}。',
    basedOn: '，基于{region}',
    dateRemoved: '已从 *{calendar}* 删除 {date}；该日期重新按日历所属地区或每周安排计算。',
    defaultSet: '未另行选择的人现在都遵循 *{calendar}*。',
    departmentSet: '部门「{department}」现在遵循 *{calendar}*。',
  },
  regions: {
    CN: '中国',
    US: '美国',
  },
  errors: {
    badHours:
      '“{text}” 不是有效的工作时间。请写成 `09:30-18:30` 或 `09:00-17:00 sun-thu`（至少一小时，且结束晚于开始）。',
    usage: '命令格式不对。用法：{usage}',
    inPast: '该日期已经过去（今天是 {today}）。请选择今天或之后的日期。',
    endBeforeStart: '请假结束日期（{to}）早于开始日期（{from}）。',
    tooLong: '一次请假最多 {max} 天。年份写对了吗？',
    notFound:
      '没有名为「{key}」的日历。内置日历为 `cn` 和 `us`；管理员可用 `/liaison calendar add` 创建其他日历。',
    adminOnly: '只有工作区管理员才能为他人修改日历。未做任何更改。',
    badKey: '「{key}」不能作为日历 key：请使用最多 40 个小写字母、数字、`-` 或 `_`。',
    basedOnConflict: '日历「{key}」已存在，基于 {region}；`--based-on` 只在创建日历时有效。',
    dateNotFound: '日历「{key}」没有可删除的自定义日期 {date}。',
    departmentNotFound: '没有名为「{department}」的部门。',
  },
};
