import type { aiEn } from './ai.en.js';
import type { CatalogShape } from './catalog-shape.js';

/** AI 摘要、行动项草稿与 `/liaison ai`：简体中文（合并到 zh-CN.ts 的 `ai` 下）。 */
export const aiZhCN: CatalogShape<typeof aiEn> = {
  about: '注明来源的升级摘要：配置了语言模型时由模型撰写，否则按规则生成',
  help: {
    summary: '`/escalate summary ESC-12` — 某个升级事项的摘要（附出处），仅你可见（也可发到其讨论串）',
    draft:
      '`/escalate draft ESC-12`（或已决定卡片上的“起草行动项”）— 根据决定起草行动项，逐项发给拟定负责人接受、编辑或拒绝',
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
  proposals: {
    button: '起草行动项',
    usage: '请试试 `/escalate draft ESC-12`。',
    noDecision: '{esc} 还没有决定：行动项要根据决定来起草。',
    nothing: '{esc} 的决定中没有可起草的内容。',
    draftedOne:
      '已根据 {esc} 的决定起草 1 个行动项，并发给其拟定负责人（或部门负责人）接受、编辑或拒绝；在对方接受之前，它还不是行动项。',
    drafted:
      '已根据 {esc} 的决定起草 {count} 个行动项，逐项发给拟定负责人（或部门负责人）接受、编辑或拒绝；在对方接受之前，它们都还不是行动项。',
    line: '• {title} — {owner}，截止 {due} _（{refs}）_',
    unassigned: '未指定',
    sourceEscalation: '{esc} — {title}',
    heading: '*一个拟议的行动项*，来自 {source}',
    fields: '*{title}*\n负责人：{owner} · 部门：{department} · 截止：{due}\n_依据：{refs}_',
    offeredAsLead:
      '没有指定负责人，因此作为 {department} 的负责人发给你：接受（归你负责，或用“编辑…”指定负责人）或拒绝。',
    accept: '接受',
    edit: '编辑…',
    decline: '拒绝',
    accepted: '✅ {person} 已于 {date} 接受：已为 {owner} 创建行动项，截止 {due}。',
    declined: '✖️ {person} 已于 {date} 拒绝。',
    modal: {
      title: '编辑并接受',
      submit: '接受',
      close: '取消',
      titleField: '要做的事',
      owner: '负责人',
      due: '截止日期',
    },
    errors: {
      notFound: '该提议已不存在。',
      alreadyAccepted: '该提议已被接受：对应的行动项已存在。',
      alreadyDeclined: '该提议已被拒绝。',
      badButton: '此按钮已过期，未做任何更改。',
      dueInPast: '请选择今天或以后的截止日期。',
      emptyTitle: '请写明要做的事。',
    },
    rules: {
      carryOut: '执行 {esc} 的决定：{text}',
    },
  },
};
