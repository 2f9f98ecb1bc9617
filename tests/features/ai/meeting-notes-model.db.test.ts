import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_ACTIONS, AI_BLOCKS, AI_FIELD, AI_NOTES_BLOCK } from '../../../src/features/ai/ai.ids.js';
import { MEETING_ACTIONS, MEETING_BLOCKS } from '../../../src/features/meetings/meetings.ids.js';
import { fakeModelLlm } from '../../harness/fake-model.js';
import type { FakeOpenAi } from '../../harness/fake-openai.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';
import { deliverProposal } from './proposal-dm.js';

// Meeting notes with a model, end to end through the real Bolt app: "Notes…" on a posted
// agenda → the notes modal → the (fake) model's drafts → proposals stored and DM'd to their
// owners with Accept / Edit… / Decline → Accept makes one action item.
let fake: FakeOpenAi;
const file = liaisonForThisFile({
  seedDemo: true,
  llm: fakeModelLlm((started) => {
    fake = started;
  }),
});
afterAll(() => fake?.close());
const db = () => file.db.prisma;
const slack = () => file.liaison.slack;

const CHANNEL = 'C0LAUNCH';
const AGENDA_TS = '1700000000.000100';
let workspaceId = '';
let meetingId = '';

const personId = async (slackUserId: string) =>
  (await db().person.findFirstOrThrow({ where: { workspaceId, slackUserId } })).id;

beforeAll(async () => {
  workspaceId = (await db().workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
  slack().addChannel({ id: CHANNEL, name: 'launch' });
  const departments = await db().department.findMany({
    where: { workspaceId, key: { in: ['supply-chain', 'marketing', 'tech'] } },
  });
  const series = await db().meetingSeries.create({
    data: {
      workspaceId,
      number: 1,
      title: 'Launch sync',
      recurrence: { type: 'weekly', weekdays: [1] },
      timeOfDay: '10:00',
      timeZone: 'Asia/Shanghai',
      channelId: CHANNEL,
      agendaOpensHoursBefore: 72,
      agendaClosesHoursBefore: 24,
      departments: { create: departments.map((d) => ({ departmentId: d.id })) },
    },
  });
  const at = (iso: string) => new Date(iso);
  const meeting = await db().meeting.create({
    data: {
      workspaceId,
      seriesId: series.id,
      plannedOn: '2026-11-30',
      startsAt: at('2026-11-30T02:00:00Z'),
      endsAt: at('2026-11-30T03:00:00Z'),
      opensAt: at('2026-11-27T02:00:00Z'),
      closesAt: at('2026-11-29T02:00:00Z'),
      agendaPostedAt: at('2026-11-29T02:00:00Z'),
      agendaMessageTs: AGENDA_TS,
    },
  });
  meetingId = meeting.id;
  // One press to warm the process: on a loaded machine the first button of a fresh app can
  // outlast the trigger's 3 s before views.open (the stand-in enforces it as Slack does).
  await pressNotes();
  await slack().waitForCall('views.open');
}, 60_000);

const allText = (message: unknown) => JSON.stringify(message);

/** "Notes…" on the posted agenda of MTG-1, as Priya (head of Marketing, taking part). */
async function pressNotes() {
  slack().reset();
  await file.liaison.driver.blockActions({
    userId: 'U0DEMOPRIYA',
    channelId: CHANNEL,
    message: { ts: AGENDA_TS, text: 'Agenda' },
    actions: [{ action_id: MEETING_ACTIONS.openNotes, block_id: MEETING_BLOCKS.notes, value: '1' }],
  });
}

async function waitFor<T>(read: () => Promise<T | undefined | null> | T | undefined | null): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The P-ref the drafting prompt gave a department's lead or head ("P2: alex, lead of Tech"). */
function refOf(request: { body: { messages?: unknown } }, role: string): string {
  const match = new RegExp(`(P\\d+): [^,\\n]+, ${role}`).exec(
    JSON.stringify(request.body.messages).replace(/\\n/g, '\n'),
  );
  if (!match?.[1]) throw new Error(`no ${role} among the people the model was given`);
  return match[1];
}

describe('meeting notes with a model', () => {
  it('Notes… on the agenda opens the notes modal; the drafts become proposals DM’d to their owners; an owner or a reference not in the input is unassigned or dropped', async () => {
    fake.respondWith((request) => ({
      content: JSON.stringify({
        items: [
          {
            title: 'Send the supplier contract to legal',
            owner: refOf(request, 'lead of Tech'),
            dueInWorkingDays: 3,
            refs: ['MTG-1/N1'],
          },
          // An owner the input never named: kept, unassigned.
          { title: 'Book the launch venue', owner: 'P9', dueInWorkingDays: 5, refs: ['MTG-1/N2'] },
          // Cites nothing it was given: dropped.
          {
            title: 'Cut the price by half',
            owner: refOf(request, 'head of Marketing'),
            dueInWorkingDays: 1,
            refs: ['MTG-1/N99'],
          },
        ],
      }),
    }));
    await pressNotes();
    await slack().waitForCall('views.open');
    const modal = slack().currentModal('U0DEMOPRIYA');
    if (!modal) throw new Error('no notes modal');
    expect(allText(modal)).toContain('Notes from MTG-1 Launch sync 2026-11-30');

    const response = await file.liaison.driver.viewSubmission({
      userId: 'U0DEMOPRIYA',
      view: modal,
      values: {
        [AI_NOTES_BLOCK]: {
          [AI_FIELD]: {
            type: 'plain_text_input',
            value: 'Alex sends the supplier contract to legal\nSomeone books the launch venue',
          },
        },
      },
    });
    const ack = response.json as { response_action?: string; view?: unknown };
    expect(ack.response_action).toBe('update');
    expect(allText(ack.view)).toContain('Drafted 2 proposal(s) from the notes of MTG-1');

    // What the model was given: the notes as cited lines and the leads it may name.
    const sent = JSON.stringify(fake.requests.at(-1)?.body.messages);
    expect(sent).toContain('MTG-1/N1');
    expect(sent).toContain('Alex sends the supplier contract to legal');

    const proposals = await db().proposal.findMany({ where: { workspaceId }, orderBy: { createdAt: 'asc' } });
    expect(proposals.map((p) => p.title).sort()).toEqual([
      'Book the launch venue',
      'Send the supplier contract to legal',
    ]);
    const owned = proposals.find((p) => p.title.startsWith('Send'));
    const unassigned = proposals.find((p) => p.title.startsWith('Book'));
    expect(owned).toMatchObject({
      status: 'PROPOSED',
      sourceType: 'meeting',
      sourceId: meetingId,
      draftedBy: 'model',
      proposedOwnerPersonId: await personId('U0DEMOALEX'),
      offeredToPersonId: await personId('U0DEMOALEX'),
      refs: ['MTG-1/N1'],
    });
    expect(unassigned).toMatchObject({
      draftedBy: 'model',
      proposedOwnerPersonId: null,
      offeredToPersonId: await personId('U0DEMOPRIYA'),
      refs: ['MTG-1/N2'],
    });
    expect(await db().actionItem.count({ where: { workspaceId } })).toBe(0);

    // Each is offered by DM through the notification budget, with Accept / Edit… / Decline.
    for (const proposal of proposals) {
      const delivery = await db().delivery.findFirstOrThrow({
        where: { key: `proposal.offered:${proposal.id}` },
      });
      expect(delivery.recipientPersonId).toBe(proposal.offeredToPersonId);
      const dm = allText(delivery.payload);
      expect(dm).toContain(AI_ACTIONS.acceptProposal);
      expect(dm).toContain(AI_ACTIONS.editProposal);
      expect(dm).toContain(AI_ACTIONS.declineProposal);
      expect(dm).not.toContain('Cut the price');
    }
  });

  it('Accept in the owner’s DM creates the action item once (a second press changes nothing)', async () => {
    const proposal = await db().proposal.findFirstOrThrow({
      where: { workspaceId, title: 'Send the supplier contract to legal' },
    });
    const dm = await deliverProposal(db(), slack(), proposal.id);
    expect(dm.recipient).toBe('U0DEMOALEX');
    const press = () =>
      file.liaison.driver.blockActions({
        userId: 'U0DEMOALEX',
        channelId: dm.channel,
        message: dm.message,
        actions: [
          { action_id: AI_ACTIONS.acceptProposal, block_id: AI_BLOCKS.proposalActions, value: proposal.id },
        ],
      });
    await press();
    await waitFor(() => {
      const m = slack().findMessage(dm.channel, dm.message.ts);
      return m && allText(m).includes('Accepted by') ? m : undefined;
    });
    await press();
    await slack().waitForCall('response_url');
    const items = await db().actionItem.findMany({ where: { workspaceId } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: 'Send the supplier contract to legal',
      ownerPersonId: await personId('U0DEMOALEX'),
      sourceType: 'meeting',
      sourceId: meetingId,
      dueOn: proposal.dueOn,
    });
    expect(await db().proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: 'ACCEPTED',
      actionItemId: items[0]?.id,
    });
  });
  it('refuses someone outside the meeting, privately, at the button and at a submission: nothing drafted', async () => {
    // Sam is a member of Customer Service, which takes no part in MTG-1, and not an admin.
    slack().reset();
    await file.liaison.driver.blockActions({
      userId: 'U0DEMOSAM',
      channelId: CHANNEL,
      message: { ts: AGENDA_TS, text: 'Agenda' },
      actions: [{ action_id: MEETING_ACTIONS.openNotes, block_id: MEETING_BLOCKS.notes, value: '1' }],
    });
    const refusal = await slack().waitForCall(
      'response_url',
      (call) => allText(call.args).includes('MTG-1'),
      10_000,
    );
    expect(allText(refusal.args)).toContain('Only the people of MTG-1');
    expect(refusal.args.response_type).toBe('ephemeral');
    expect(slack().callsTo('views.open')).toHaveLength(0);

    // A notes modal submitted as Sam (the same view a participant had open): refused, no proposal.
    await pressNotes();
    await slack().waitForCall('views.open');
    const modal = slack().currentModal('U0DEMOPRIYA');
    if (!modal) throw new Error('no notes modal');
    const before = await db().proposal.count({ where: { workspaceId } });
    const requestsBefore = fake.requests.length;
    const response = await file.liaison.driver.viewSubmission({
      userId: 'U0DEMOSAM',
      view: modal,
      values: {
        [AI_NOTES_BLOCK]: { [AI_FIELD]: { type: 'plain_text_input', value: 'Alex books the venue' } },
      },
    });
    expect(allText(response.json)).toContain('Only the people of MTG-1');
    expect(await db().proposal.count({ where: { workspaceId } })).toBe(before);
    expect(fake.requests.length).toBe(requestsBefore);
  });
});
