import type { aiEn } from './ai.en.js';
import type { CatalogShape } from './catalog-shape.js';

/** AI 摘要、行动项草稿与 `/liaison ai`：简体中文（合并到 zh-CN.ts 的 `ai` 下）。 */
export const aiZhCN: CatalogShape<typeof aiEn> = {
  about: '注明来源的升级摘要：配置了语言模型时由模型撰写，否则按规则生成',
  help: {
    summary: '`/escalate summary ESC-12` — 某个升级事项的摘要（附出处），仅你可见（也可发到其讨论串）',
    status: '`/liaison ai` — 语言模型是否开启、今日用量和最近的失败（管理员）',
  },
  writtenBy: {
    model: '_由语言模型（{model}）根据 Liaison 记录的内容撰写；每一行都注明出处。_',
    rules: '_由 Liaison 的规则撰写（未使用语言模型）{reason}；每一行都注明出处。_',
    reasons: {
      no_model: '',
      over_budget: '：今日 AI 额度已用完',
      breaker_open: '：模型连续失败，暂停一分钟',
      other: '：模型的回答无法使用',
    },
  },
  summary: {
    title: '*{esc} 摘要* — {title}',
    positions: '*各方立场*',
    options: '*可选方案*',
    risks: '*拖延的风险*',
    decision: '*决定*',
    none: '_暂无记录。_',
    button: '生成摘要',
    postInThread: '发到讨论串',
    posted: '已将 {esc} 的摘要发到其卡片的讨论串。',
    noCard: '{esc} 还没有发到任何频道的卡片，无法发到讨论串。',
    usage: '试试 `/escalate summary ESC-12`。',
    notFound: '本工作区没有 {esc}。',
    thinking: '正在生成 {esc} 的摘要…',
  },
  status: {
    title: '*语言模型*',
    on: '已开启：{model}。今日（UTC）用量：{used} / {budget} 个 token，共 {calls} 次调用。熔断器：{breaker}。',
    off: '未开启：没有设置 `OPENAI_API_KEY`，摘要由规则撰写。今日 token 用量：{used}。',
    failures: '*最近的失败*',
    failure: '{at} · {prompt} · {outcome}',
    noFailures: '没有失败记录。',
    adminsOnly: '只有 Liaison 管理员可以查看 AI 状态。',
    breaker: { closed: '闭合（正常）', open: '断开（一分钟内由规则回答）', 'half-open': '正在重试' },
  },
  rules: {
    raiserPosition: '{person}（{department}）受阻：{blocked}',
    proposed: '{person} 提议：{note}',
    rejected: '{person} 拒绝了一个提议：{note}',
    counterpartSilent: '{department} 尚未表明立场。',
    option: '方案：{label}',
    optionRecommended: '方案（提出方推荐）：{label}',
    impact: '影响：{impact}',
    waiting: '已等待 {hours} 小时，目前在第 {level} 级。',
    breached: '已错过期限 {count} 次。',
    decisionNeeded: '需要决定：{text}',
    decided: '{person} 决定：{text}',
  },
};
