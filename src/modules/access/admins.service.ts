import type { PeopleService } from '../people/people.service.js';
import type { PeopleDirectory } from '../people/person.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { Actor } from './access.types.js';
import type { AdminDto, AdminsRepository } from './admins.repository.js';
import type { Authorization } from './authorization.service.js';

/** A person named in a command: a Slack user id (from a mention), or a handle typed as @name. */
export type PersonReference = { slackUserId: string } | { handle: string };

export interface AdminsService {
  /** Everyone may see who the admins are (refusals tell people to ask one). */
  list(actor: Actor): Promise<AdminDto[]>;
  grant(
    actor: Actor,
    target: PersonReference,
    directory: PeopleDirectory,
  ): Promise<{ person: AdminDto; changed: boolean }>;
  revoke(actor: Actor, target: PersonReference): Promise<{ person: AdminDto; changed: boolean }>;
}

export function createAdminsService(deps: {
  repo: AdminsRepository;
  authorization: Authorization;
  /** `forget`: the remembered identity (isAdmin shown in help) is stale after a change. */
  people: Pick<PeopleService, 'identify' | 'forget'>;
}): AdminsService {
  const { repo, authorization } = deps;

  function unknownPerson(target: PersonReference): DomainError {
    const text = 'handle' in target ? `@${target.handle}` : target.slackUserId;
    return new DomainError(
      'admins.unknown_person',
      { key: 'admins.errors.unknownPerson', params: { person: text } },
      { detail: `no person ${text}` },
    );
  }

  /** A known person; an id Liaison has not met is looked up in Slack (users.info) when allowed. */
  async function find(actor: Actor, target: PersonReference, directory?: PeopleDirectory): Promise<AdminDto> {
    if ('handle' in target) {
      const matches = await repo.findByHandle(actor.workspaceId, target.handle);
      if (matches.length === 1 && matches[0]) return matches[0];
      throw unknownPerson(target);
    }
    const known = await repo.findPerson(actor.workspaceId, target.slackUserId);
    if (known) return known;
    if (directory) {
      await deps.people.identify(
        { workspaceId: actor.workspaceId, slackUserId: target.slackUserId, fallbackName: target.slackUserId },
        directory,
      );
      const created = await repo.findPerson(actor.workspaceId, target.slackUserId);
      if (created) return created;
    }
    throw unknownPerson(target);
  }

  return {
    list(actor) {
      return repo.listAdmins(actor.workspaceId);
    },

    async grant(actor, target, directory) {
      const subject = await authorization.subjectOf(actor.personId);
      await authorization.require(subject, 'admins.manage');
      const person = await find(actor, target, directory);
      if (person.isBot || !person.active)
        throw new DomainError(
          'admins.not_a_person',
          { key: 'admins.errors.notAPerson', params: { user: person.slackUserId } },
          { detail: `${person.slackUserId} is a bot or deactivated` },
        );
      if (person.isWorkspaceAdmin || person.isLiaisonAdmin) return { person, changed: false };
      const outcome = await repo.setLiaisonAdmin({
        workspaceId: actor.workspaceId,
        actorSlackId: actor.slackUserId,
        personId: person.personId,
        value: true,
      });
      deps.people.forget(actor.workspaceId, person.slackUserId);
      return { person: { ...person, isLiaisonAdmin: true }, changed: outcome === 'changed' };
    },

    async revoke(actor, target) {
      const subject = await authorization.subjectOf(actor.personId);
      await authorization.require(subject, 'admins.manage');
      const person = await find(actor, target);
      if (person.isWorkspaceAdmin)
        throw new DomainError(
          'admins.slack_admin',
          { key: 'admins.errors.slackAdmin', params: { user: person.slackUserId } },
          { detail: `${person.slackUserId} is a Slack workspace admin` },
        );
      if (!person.isLiaisonAdmin) return { person, changed: false };
      const outcome = await repo.setLiaisonAdmin({
        workspaceId: actor.workspaceId,
        actorSlackId: actor.slackUserId,
        personId: person.personId,
        value: false,
      });
      if (outcome === 'last_admin')
        throw new DomainError(
          'admins.last_admin',
          { key: 'admins.errors.lastAdmin' },
          {
            detail: `revoking ${person.slackUserId} would leave workspace ${actor.workspaceId} without an admin`,
          },
        );
      deps.people.forget(actor.workspaceId, person.slackUserId);
      return { person: { ...person, isLiaisonAdmin: false }, changed: outcome === 'changed' };
    },
  };
}
