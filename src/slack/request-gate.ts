import type { ReceiverEvent } from '@slack/bolt';
import { translator } from '../i18n/catalog.js';
import type { SupportedLocale } from '../i18n/locales.js';
import type { Logger } from '../logger.js';
import { newReferenceId } from './error-handler.js';
import type { InstalledTeams } from './installed-teams.js';
import { readRequestEnvelope } from './parsers/request-envelope.parser.js';

/** A signed request whose body is not what Slack sends; the receiver answers it with 400. */
export class MalformedRequestError extends Error {
  override readonly name = 'MalformedRequestError';
  constructor(
    readonly referenceId: string,
    readonly problem: string,
  ) {
    super(`malformed Slack request (${referenceId}): ${problem}`);
  }
}

export function isMalformedRequest(error: unknown): error is MalformedRequestError {
  return error instanceof MalformedRequestError;
}

/** 'pass': Bolt handles the request; 'stop': it was answered here and nothing else runs. */
export type RequestGate = (event: ReceiverEvent) => Promise<'pass' | 'stop'>;

/**
 * The first thing every request meets, in every mode (HTTP, Socket Mode, the console),
 * before Bolt authorizes it and before any middleware or listener:
 *  1. the body must have the shape Slack sends (else MalformedRequestError: 400 over HTTP);
 *  2. it must be for an installation Liaison holds (`installed`). Otherwise nothing is looked
 *     up or stored: a slash command is told so privately in the acknowledgement (no token is
 *     needed for that), anything else is acknowledged and dropped, and a line is logged.
 */
export function createRequestGate(deps: {
  installed: InstalledTeams;
  logger: Logger;
  defaults: { locale: SupportedLocale };
}): RequestGate {
  const { logger } = deps;
  return async (event) => {
    const reading = readRequestEnvelope(event.body);
    if (!reading.ok) {
      const referenceId = newReferenceId();
      const body = event.body as { type?: unknown; command?: unknown } | null;
      logger.warn(
        {
          referenceId,
          problem: reading.problem,
          requestType: typeof body?.type === 'string' ? body.type : undefined,
          command: typeof body?.command === 'string' ? body.command : undefined,
        },
        'refused a malformed Slack request',
      );
      throw new MalformedRequestError(referenceId, reading.problem);
    }
    const { envelope } = reading;
    if (envelope.kind === 'notice') {
      logger.info({ requestType: envelope.type }, 'Slack notice acknowledged; Liaison does not act on it');
      await event.ack();
      return 'stop';
    }
    for (const claim of envelope.claims) if (await deps.installed.serves(claim)) return 'pass';
    logger.warn(
      { kind: envelope.kind, requestType: envelope.type, claims: envelope.claims },
      'refused a request from a workspace where Liaison is not installed; nothing was looked up or stored',
    );
    if (envelope.kind === 'command') {
      const t = translator(deps.defaults.locale);
      await event.ack({ response_type: 'ephemeral', text: t('errors.notInstalledHere') });
    } else {
      await event.ack();
    }
    return 'stop';
  };
}
