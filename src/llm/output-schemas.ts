import { z } from 'zod';

/**
 * What the model is asked to answer, by the name a prompt file's `output` gives. Every field
 * is required (strict structured output needs it); receipts (`refs`) are checked against the
 * input before anything is used.
 */

const refs = z.array(z.string().max(40)).min(1).max(6);
const citedLine = z.strictObject({ text: z.string().min(1).max(400), refs });

export const RiskSummaryOutput = z.strictObject({ items: z.array(citedLine).max(10) });
export type RiskSummaryOutput = z.infer<typeof RiskSummaryOutput>;

export const EscalationSummaryOutput = z.strictObject({
  positions: z.array(citedLine).max(8),
  options: z.array(citedLine).max(6),
  risks: z.array(citedLine).max(5),
  decision: z.array(citedLine).max(2),
});
export type EscalationSummaryOutput = z.infer<typeof EscalationSummaryOutput>;

export const ActionItemDraftsOutput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        title: z.string().min(1).max(200),
        /** A person's ref from the input ("P1"), or "" when nobody is named. */
        owner: z.string().max(40),
        /** Working days from now; 0 when the input says nothing about timing. */
        dueInWorkingDays: z.number().int().min(0).max(60),
        refs,
      }),
    )
    .max(8),
});
export type ActionItemDraftsOutput = z.infer<typeof ActionItemDraftsOutput>;

export const MeetingPreReadOutput = z.strictObject({ sentences: z.array(citedLine).max(6) });
export type MeetingPreReadOutput = z.infer<typeof MeetingPreReadOutput>;

export const OkrReviewOutput = z.strictObject({ sentences: z.array(citedLine).max(8) });
export type OkrReviewOutput = z.infer<typeof OkrReviewOutput>;

export const OUTPUT_SCHEMAS: Record<string, z.ZodType> = {
  OkrReviewOutput,
  MeetingPreReadOutput,
  RiskSummaryOutput,
  EscalationSummaryOutput,
  ActionItemDraftsOutput,
};
