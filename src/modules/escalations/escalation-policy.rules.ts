import { z } from 'zod';
import type { Severity } from './escalations.types.js';

/**
 * A workspace's ladder settings (Workspace.escalationPolicy, JSON). Every field is optional
 * in storage; what is missing falls back to the defaults of the plan.
 * - `working-days` / `working-hours` count in the working time of the level's people;
 *   `wall-minutes` is plain elapsed time (urgent: one hour, night or day).
 */
const slaSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('working-days'), amount: z.number().int().min(1).max(30) }),
  z.strictObject({ unit: z.literal('working-hours'), amount: z.number().min(0.25).max(200) }),
  z.strictObject({ unit: z.literal('wall-minutes'), amount: z.number().int().min(5).max(10_080) }),
]);
export type Sla = z.infer<typeof slaSchema>;

export const escalationPolicySchema = z.strictObject({
  sla: z
    .strictObject({ NORMAL: slaSchema.optional(), HIGH: slaSchema.optional(), URGENT: slaSchema.optional() })
    .optional(),
  /** Urgent escalations nobody acknowledged are pinged again this often. */
  urgentRepingMinutes: z.number().int().min(5).max(240).optional(),
  /** The top of the ladder (1–3). */
  maxLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
});

export interface EscalationPolicy {
  sla: Record<Severity, Sla>;
  urgentRepingMinutes: number;
  maxLevel: 1 | 2 | 3;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  sla: {
    NORMAL: { unit: 'working-days', amount: 2 },
    HIGH: { unit: 'working-hours', amount: 4 },
    URGENT: { unit: 'wall-minutes', amount: 60 },
  },
  urgentRepingMinutes: 15,
  maxLevel: 3,
};

/** The stored JSON over the defaults; an invalid stored policy falls back to the defaults whole. */
export function policyFrom(stored: unknown): EscalationPolicy {
  if (stored === null || stored === undefined) return DEFAULT_ESCALATION_POLICY;
  const parsed = escalationPolicySchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_ESCALATION_POLICY;
  const value = parsed.data;
  return {
    sla: { ...DEFAULT_ESCALATION_POLICY.sla, ...value.sla } as Record<Severity, Sla>,
    urgentRepingMinutes: value.urgentRepingMinutes ?? DEFAULT_ESCALATION_POLICY.urgentRepingMinutes,
    maxLevel: value.maxLevel ?? DEFAULT_ESCALATION_POLICY.maxLevel,
  };
}
