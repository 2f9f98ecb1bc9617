import type { SlackStandIn } from '../../../src/console/slack-stand-in/index.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';
import { fakeSlackClient } from '../../harness/fake-slack.js';

/** A proposal's DM as the outbox would send it, posted into the recipient's DM. */
export async function deliverProposal(prisma: PrismaClient, slack: SlackStandIn, proposalId: string) {
  const delivery = await prisma.delivery.findFirstOrThrow({
    where: { key: `proposal.offered:${proposalId}` },
  });
  const recipient = await prisma.person.findUniqueOrThrow({
    where: { id: delivery.recipientPersonId ?? '' },
  });
  const client = fakeSlackClient(slack);
  const opened = await client.conversations.open({ users: recipient.slackUserId });
  const channel = opened.channel?.id ?? '';
  const message = delivery.payload as { text: string; blocks: never[] };
  const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  const stored = slack.findMessage(channel, posted.ts ?? '');
  if (!stored) throw new Error('no DM');
  return { channel, message: stored, recipient: recipient.slackUserId };
}
