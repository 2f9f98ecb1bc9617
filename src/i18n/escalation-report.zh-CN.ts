import type { CatalogShape } from './catalog-shape.js';
import type { escalationReportEn } from './escalation-report.en.js';

export const escalationReportZhCN: CatalogShape<typeof escalationReportEn> = {
  usage:
    '用法：`/escalate report [季度]` —— 季度可写作 `2026-Q4`、`2026Q4`、`Q4`（今年）或 `last`（上季度）；不写则为本季度。',
  future: '{quarter} 还没有开始，暂无可评估的内容。可以看看本季度：`/escalate report`。',
  fallback: '联合评估 {quarter}（{from} – {to}）',
  header: '联合评估 · {quarter}',
  dates: '{from} – {to}',
  scopeAll: '全部部门',
  scopeLed: '你负责的部门：{departments}',
  nothingLed: '你目前没有负责或主管任何在用的部门。',
  asOfFinal: '已结束季度的存档数据，计算于你所在时区的 {at}。',
  asOfRunning: '本季度进行中：截至你所在时区 {at} 的数据。',
  line: '*{department}* —— 发起 {raised} · 收到 {received} · SLA 内响应 {withinSla} · 决定用时中位数 {median} · 待办按时完成 {onTime} · 复盘回复 {checkIns} · 议题提出 {agendaRaised}、解决 {agendaResolved} · 问题解决周期 {cycle}',
  cycleVsPrev: '{cycle}（上季度 {prev}，{change}）',
  cycleNoPrev: '{cycle}（上季度 —）',
  ratio: '{part}/{whole}（{percent}%）',
  none: '—',
  legend:
    '发起与收到：本季度由该部门发起或针对该部门的升级事项。SLA 内响应：收到的事项中，在第一个截止时间前被确认或答复的。决定用时中位数：从发起到首次做出决定的时长，按本季度做出的决定计算。待办按时完成：本季度到期、且已完成或已过期的待办中，在到期日结束前完成的。复盘回复：本季度结束的 OKR 复盘轮次中，被询问的关键结果负责人里作出回复（按时或迟交）的人数。议题：本季度在联席会议上为该部门提出的议题，以及本季度做出决定或关闭的议题；问题解决周期为从首次提出到做出决定的时长中位数，并与上季度对比。',
  home: {
    line: '{esc} · {severity} · {status} · 第 {level} 级 · {title} · {due}',
    due: '截止 {at}',
    noDeadline: '无截止时间',
    yourMove: '*等你处理*',
  },
  openItem: '未关闭的升级事项 {esc}：{title}',
  help: '`/escalate report [季度]` —— 各部门的联合评估（负责人、高管可用）',
};
