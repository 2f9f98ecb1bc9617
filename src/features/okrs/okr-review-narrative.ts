import { writeOkrReview } from '../../llm/okr-review.js';
import {
  type DepartmentReview,
  type ReviewedCheckIn,
  reviewFacts,
} from '../../modules/okrs/okr-review.rules.js';
import type { ScoredObjective } from '../../modules/okrs/okrs.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { departmentName } from '../../slack/views/person-summary.js';
import type { ReviewNarrative } from './okr-review.view.js';

/**
 * `/okr review`'s narrative: the language model with receipts where one is configured (every
 * sentence cites the department figures and check-ins it rests on), the rules otherwise.
 */
export async function writeReviewNarrative(
  deps: Pick<SlackDeps, 'llm'>,
  actor: RequestActor,
  period: string,
  input: {
    tree: readonly ScoredObjective[];
    reviews: readonly DepartmentReview[];
    answers: readonly ReviewedCheckIn[];
  },
): Promise<ReviewNarrative> {
  const titles = new Map(input.tree.flatMap((o) => o.keyResults.map((kr) => [kr.number, kr.title] as const)));
  const { facts, sources } = reviewFacts(input.reviews, input.answers, {
    departmentName: (department) => departmentName(department, actor.locale),
    keyResultTitle: (number) => titles.get(number) ?? '',
    confidence: (confidence, score) =>
      score === null
        ? actor.t(`okrs.confidence.${confidence}`)
        : `${actor.t('okrs.confidenceScore', { score })} (${actor.t(`okrs.confidence.${confidence}`)})`,
  });
  const written = await writeOkrReview(deps.llm, {
    workspaceId: actor.workspace.id,
    locale: actor.locale,
    period,
    facts,
  });
  return { ...written, sources };
}
