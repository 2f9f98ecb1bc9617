import { createHash, randomBytes } from 'node:crypto';
import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { KpiApiTokenDto, KpiTokensRepository } from './kpi-tokens.repository.js';

const TOKEN_NAME = /^[\p{L}\p{N}_-]{1,40}$/u;
const TOKEN_PREFIX = 'lkpi_';

/** Only the SHA-256 of a token is stored: a leaked database gives no usable token. */
export const hashKpiToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Bearer tokens for the KPI HTTP API: admins create (shown once), list and revoke them. */
export function createKpiTokensService(deps: {
  repo: KpiTokensRepository;
  authorization: Authorization;
  clock: Clock;
}) {
  const checkName = (name: string) => {
    if (!TOKEN_NAME.test(name)) throw new DomainError('kpi_token.bad_name', { key: 'kpis.errors.tokenName' });
  };
  return {
    async create(actor: AccessSubject, name: string): Promise<{ token: string; dto: KpiApiTokenDto }> {
      await deps.authorization.require(actor, 'kpis.tokens');
      checkName(name);
      const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
      const dto = await deps.repo.create({
        workspaceId: actor.workspaceId,
        name,
        tokenHash: hashKpiToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 4),
        createdByPersonId: actor.personId,
        actorSlackId: actor.slackUserId,
      });
      if (!dto)
        throw new DomainError('kpi_token.exists', { key: 'kpis.errors.tokenExists', params: { name } });
      return { token, dto };
    },

    async list(actor: AccessSubject): Promise<KpiApiTokenDto[]> {
      await deps.authorization.require(actor, 'kpis.tokens');
      return deps.repo.list(actor.workspaceId);
    },

    async revoke(actor: AccessSubject, name: string): Promise<KpiApiTokenDto> {
      await deps.authorization.require(actor, 'kpis.tokens');
      const dto = await deps.repo.revoke(actor.workspaceId, name, deps.clock.now(), actor.slackUserId);
      if (!dto)
        throw new DomainError('kpi_token.unknown', { key: 'kpis.errors.tokenUnknown', params: { name } });
      return dto;
    },

    /** The active token a request presents, or null. */
    async authenticate(token: string): Promise<KpiApiTokenDto | null> {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
      return deps.repo.useActive(hashKpiToken(token), deps.clock.now());
    },
  };
}

export type KpiTokensService = ReturnType<typeof createKpiTokensService>;
