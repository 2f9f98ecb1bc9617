import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/modules/shared/domain-error.types.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

/** A modal listener that rejects its input the way feature modals will. */
function registerProbeModal(app: App) {
  app.view('probe.modal', async () => {
    throw new DomainError(
      'probe.bad_title',
      { key: 'errors.unknownSubcommand', params: { subcommand: 'probe' } },
      { field: 'probe.title' },
    );
  });
}

const file = liaisonForThisFile({ extend: registerProbeModal });

describe('domain errors in modals', () => {
  it('come back as a field error in the ack, so the modal stays open with the message under the field', async () => {
    const response = await file.liaison.driver.viewSubmission({
      userId: 'U0DEMOALEX',
      view: {
        id: 'V0PROBE',
        type: 'modal',
        callback_id: 'probe.modal',
        blocks: [
          { type: 'input', block_id: 'probe.title', element: { type: 'plain_text_input', action_id: 'v' } },
        ],
        private_metadata: '',
      },
      values: { 'probe.title': { v: { type: 'plain_text_input', value: 'x' } } },
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      response_action: 'errors',
      errors: { 'probe.title': 'I do not know `/liaison probe`. Type `/liaison help` to see the commands.' },
    });
    expect(file.liaison.slack.callsTo('response_url')).toEqual([]);
  });
});
