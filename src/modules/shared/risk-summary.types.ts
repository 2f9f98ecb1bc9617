/**
 * The risk summary the managers' digest (and later the KPI, OKR and meeting features) asks
 * for: facts in, cited items out. Written by the model through the LLM layer when one is
 * configured, by rules otherwise; either way every item cites only refs from `facts`.
 */

/** One fact a summary may cite. */
export interface RiskFact {
  /** What a summary item cites, e.g. "ESC-12" or "AI-40"; unique within a request. */
  ref: string;
  /** 'escalation' | 'action_item' today; 'kpi', 'okr', 'meeting' later. */
  kind: string;
  /** 3 = breached or urgent, 2 = high or overdue, 1 = due soon or waiting, 0 = informational. */
  severity: number;
  /** How long it has waited, in hours; the rules break ties by the longest wait. */
  waitingHours: number;
  /** One line of plain facts (no mrkdwn), already in the audience's language. */
  text: string;
  /** The Slack permalink, when known. */
  url?: string;
}

export interface RiskSummaryRequest {
  workspaceId: string;
  /** 'en' | 'zh-CN': the language the summary is written in. */
  locale: string;
  facts: readonly RiskFact[];
  /** At most this many items. */
  maxItems: number;
}

export interface RiskSummaryItem {
  /** One sentence, plain text. */
  text: string;
  /** Refs from the request's facts (at least one). */
  refs: string[];
}

export interface RiskSummary {
  items: RiskSummaryItem[];
  writtenBy: 'model' | 'rules';
}

/** The port the digest depends on. */
export type RiskSummarizer = (request: RiskSummaryRequest) => Promise<RiskSummary>;
