import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeSlackClient, type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';

let slack: SlackStandIn;
let now = 1_732_521_600_000;

const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  callback_id: 'meeting.create',
  title: { type: 'plain_text' as const, text: title },
  submit: { type: 'plain_text' as const, text: 'Save' },
  blocks: [
    {
      type: 'input',
      block_id: 'meeting.title',
      label: { type: 'plain_text', text: 'Title' },
      element: { type: 'plain_text_input', action_id: 'value' },
    },
  ],
  ...extra,
});

beforeAll(async () => {
  slack = await startFakeSlack({ users: [{ id: 'U1ALICE' }], now: () => now });
});
afterAll(() => slack.close());
beforeEach(() => slack.reset());

describe('views.* and the modal stack', () => {
  it('views.open puts the modal on the user stack the trigger belongs to', async () => {
    const client = fakeSlackClient(slack);
    const opened = await client.views.open({
      trigger_id: slack.createTriggerId({ userId: 'U1ALICE' }),
      view: modal('New meeting', { private_metadata: '{"v":1}' }),
    });
    expect(opened.view).toMatchObject({
      type: 'modal',
      callback_id: 'meeting.create',
      private_metadata: '{"v":1}',
    });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.root_view_id).toBe(opened.view?.id);
    expect(slack.modalStack('U1ALICE').map((view) => view.id)).toEqual([opened.view?.id]);
  });

  it('refuses unknown, reused and expired trigger_ids', async () => {
    const client = fakeSlackClient(slack);
    await expect(client.views.open({ trigger_id: '1.2.made-up', view: modal('x') })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
    const trigger = slack.createTriggerId({ userId: 'U1ALICE' });
    await client.views.open({ trigger_id: trigger, view: modal('x') });
    await expect(client.views.open({ trigger_id: trigger, view: modal('x') })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
    const stale = slack.createTriggerId({ userId: 'U1ALICE' });
    now += 3_001;
    await expect(client.views.open({ trigger_id: stale, view: modal('x') })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
  });

  it('rejects views Slack would reject', async () => {
    const client = fakeSlackClient(slack);
    const open = (view: Record<string, unknown>) =>
      client.views.open({ trigger_id: slack.createTriggerId({ userId: 'U1ALICE' }), view: view as never });
    await expect(open({ ...modal('x'), title: undefined })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    await expect(open(modal('A title that is far too long for Slack'))).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
    await expect(open({ ...modal('x'), submit: undefined })).rejects.toMatchObject({
      data: { response_metadata: { messages: [expect.stringContaining('submit is required')] } },
    });
  });

  it('views.push stacks up to three, views.update honours hash', async () => {
    const client = fakeSlackClient(slack);
    const trigger = () => slack.createTriggerId({ userId: 'U1ALICE' });
    const root = await client.views.open({ trigger_id: trigger(), view: modal('Root') });
    const pushed = await client.views.push({ trigger_id: trigger(), view: modal('Second') });
    expect(pushed.view).toMatchObject({ previous_view_id: root.view?.id, root_view_id: root.view?.id });
    await client.views.push({ trigger_id: trigger(), view: modal('Third') });
    await expect(client.views.push({ trigger_id: trigger(), view: modal('Fourth') })).rejects.toMatchObject({
      data: { error: 'push_limit_reached' },
    });

    const rootId = root.view?.id ?? '';
    await expect(
      client.views.update({ view_id: rootId, hash: 'stale', view: modal('Root v2') }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    const updated = await client.views.update({
      view_id: rootId,
      hash: root.view?.hash,
      view: modal('Root v2'),
    });
    expect(updated.view).toMatchObject({ id: rootId, title: { text: 'Root v2' } });
    expect(updated.view?.hash).not.toBe(root.view?.hash);
    expect(slack.modalStack('U1ALICE').map((view) => (view.title as { text: string }).text)).toEqual([
      'Root v2',
      'Second',
      'Third',
    ]);
  });

  it('views.publish stores the Home tab', async () => {
    const client = fakeSlackClient(slack);
    const result = await client.views.publish({
      user_id: 'U1ALICE',
      view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hi' } }] },
    });
    expect(slack.homeView('U1ALICE')?.id).toBe(result.view?.id);
    await expect(
      client.views.publish({ user_id: 'U404', view: { type: 'home', blocks: [] } }),
    ).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('applies view_submission acks: errors, update, push, clear and empty', async () => {
    const client = fakeSlackClient(slack);
    const changes: string[] = [];
    const off = slack.on('modal', (change) => changes.push(change.kind));
    await client.views.open({
      trigger_id: slack.createTriggerId({ userId: 'U1ALICE' }),
      view: modal('Root'),
    });

    const errors = slack.applyViewResponse('U1ALICE', {
      response_action: 'errors',
      errors: { 'meeting.title': 'Please add a title', 'no.such.block': 'x' },
    });
    expect(errors.unknownBlockIds).toEqual(['no.such.block']);
    expect(slack.currentModal('U1ALICE')?.errors).toMatchObject({ 'meeting.title': 'Please add a title' });

    slack.applyViewResponse('U1ALICE', { response_action: 'update', view: modal('Fixed') });
    expect(slack.currentModal('U1ALICE')).toMatchObject({ title: { text: 'Fixed' } });
    expect(slack.currentModal('U1ALICE')?.errors).toBeUndefined();

    slack.applyViewResponse('U1ALICE', { response_action: 'push', view: modal('Confirm') });
    expect(slack.modalStack('U1ALICE')).toHaveLength(2);
    const submitted = slack.applyViewResponse('U1ALICE', undefined);
    expect(submitted).toMatchObject({ kind: 'closed', isCleared: false });
    expect(slack.modalStack('U1ALICE')).toHaveLength(1);

    expect(slack.applyViewResponse('U1ALICE', { response_action: 'clear' })).toMatchObject({
      isCleared: true,
    });
    expect(slack.modalStack('U1ALICE')).toEqual([]);
    off();
    expect(changes).toEqual(['opened', 'errors', 'updated', 'pushed', 'closed', 'cleared']);
  });

  it('closeModal pops one view, or the whole stack, and reports notify_on_close views', async () => {
    const client = fakeSlackClient(slack);
    await client.views.open({
      trigger_id: slack.createTriggerId({ userId: 'U1ALICE' }),
      view: modal('Root', { notify_on_close: true }),
    });
    await client.views.push({
      trigger_id: slack.createTriggerId({ userId: 'U1ALICE' }),
      view: modal('Second'),
    });
    expect(slack.closeModal('U1ALICE')).toMatchObject({ kind: 'closed', isCleared: false });
    const last = slack.closeModal('U1ALICE');
    expect(last).toMatchObject({ kind: 'cleared', isCleared: true });
    expect(last.closed.filter((view) => view.notify_on_close)).toHaveLength(1);
    expect(() => slack.closeModal('U1ALICE')).toThrow(/no open modal/);
  });
});
