import type { OpenEscalation } from './assessment.repository.js';
import type { LadderMember } from './escalations.types.js';

/** An open escalation as the managers' digest lists it. */
export interface DigestEscalation extends OpenEscalation {
  createdAt: Date;
  /** The SLA ladder recorded at least one breach (it moved up a level for lack of an answer). */
  breachRecorded: boolean;
  permalink: string | null;
}

/** A decision taken on an escalation. */
export interface DigestDecision {
  number: number;
  title: string;
  text: string;
  decidedAt: Date;
}

/** What the digest's escalations section reads. */
export interface EscalationDigestRepository {
  /**
   * Open escalations the person raised or was handed, or that involve one of the
   * departments, or (executives) that reached level 3: the longest-open first, at most `limit`.
   */
  openFor(input: {
    workspaceId: string;
    personId: string;
    departmentIds: readonly string[];
    executive: boolean;
    limit: number;
  }): Promise<DigestEscalation[]>;
  workspaceLadder(workspaceId: string): Promise<LadderMember[]>;
  /** Decisions in [from, to) on escalations involving the departments, newest first. */
  decidedBetween(input: {
    workspaceId: string;
    departmentIds: readonly string[];
    from: Date;
    to: Date;
    limit: number;
  }): Promise<{ decisions: DigestDecision[]; total: number }>;
}
