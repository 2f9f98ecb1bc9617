import { describe, expect, it } from 'vitest';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

describe('/meeting notes without a model', () => {
  it('says politely that drafting needs a model and points at the agenda buttons; no modal opens', async () => {
    const slack = file.liaison.slack;
    await file.liaison.driver.slashCommand({
      userId: 'U0DEMOALEX',
      channelId: 'C0GENERAL',
      command: '/meeting',
      text: 'notes',
    });
    await slack.waitForCall('response_url', undefined, 15_000);
    const reply = slack.ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1);
    expect(reply?.text).toContain('needs a language model');
    expect(reply?.text).toContain('Record decision');
    expect(slack.callsTo('views.open')).toHaveLength(0);
  });
});
