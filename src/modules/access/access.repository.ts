import type { AccessSubject, Permission } from './access.types.js';

export interface AccessRepository {
  /** The person's admin flags and memberships (archived departments left out); null if unknown. */
  subjectOf(personId: string): Promise<AccessSubject | null>;
  /** An audit row 'authorization.refused' for the attempt; nothing else is written. */
  recordRefusal(subject: AccessSubject, permission: Permission, objectId?: string): Promise<void>;
}
