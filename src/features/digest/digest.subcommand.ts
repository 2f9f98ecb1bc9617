import type { Subcommand } from '../../slack/listeners/commands/liaison/subcommand.types.js';
import { servicesOf } from '../feature-registry.js';
import { digestFeature } from './digest.feature.js';
import { digestReply } from './digest-reply.view.js';

/** `/liaison digest`, `… weekly mon 09:00`, `… daily 08:30`, `… off`, `… now`. */
export const digestSubcommand: Subcommand = {
  names: ['digest'],
  async run({ deps, actor, parsed, reply }) {
    const result = await servicesOf(deps, digestFeature).digest.command(actor.subject, parsed.args);
    await reply(digestReply(result, actor));
  },
};
