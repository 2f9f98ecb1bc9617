import { describe, expect, it } from 'vitest';
import {
  buildViewStateValues,
  resolveControlInput,
  validateSubmission,
} from '../../../src/console/input/index.js';
import {
  type Control,
  type FieldValues,
  renderView,
  setFieldValue,
} from '../../../src/console/render/index.js';
import { meetingModal, plainCtx } from '../render/examples.js';

const { controls } = renderView(meetingModal, plainCtx);

/** Applies typed `set`/`choose` commands to the console's values, as the console will. */
function fill(entries: ReadonlyArray<[number, 'set' | 'choose', string]>): FieldValues {
  let values: FieldValues = {};
  for (const [index, kind, text] of entries) {
    const control = controls.find((candidate: Control) => candidate.index === index);
    if (control === undefined) throw new Error(`no control ${index}`);
    const command =
      kind === 'set' ? { kind, control: index, text } : { kind, control: index, choices: text.split(',') };
    const resolved = resolveControlInput(control, command);
    if (!resolved.ok) throw new Error(resolved.error.message);
    if (resolved.value !== undefined) values = setFieldValue(values, control, resolved.value);
  }
  return values;
}

describe('buildViewStateValues', () => {
  it('builds view.state.values in Slack shape, falling back to initial values and nulls', () => {
    const values = fill([
      [1, 'set', 'Q3 planning'],
      [2, 'set', '2025-07-01'],
      [4, 'choose', '2,3'],
      [5, 'choose', 'alice'],
    ]);

    expect(buildViewStateValues(controls, values)).toEqual({
      'meeting.title': { value: { type: 'plain_text_input', value: 'Q3 planning' } },
      'meeting.date': { value: { type: 'datepicker', selected_date: '2025-07-01' } },
      'meeting.time': { value: { type: 'timepicker', selected_time: '10:00' } },
      'meeting.departments': {
        value: {
          type: 'checkboxes',
          selected_options: [
            { text: { type: 'plain_text', text: 'Operations' }, value: 'ops' },
            { text: { type: 'plain_text', text: 'Finance' }, value: 'finance' },
          ],
        },
      },
      'meeting.owner': { value: { type: 'users_select', selected_user: 'U0ALICE' } },
      'meeting.priority': { value: { type: 'radio_buttons', selected_option: null } },
      'meeting.attendees': { value: { type: 'number_input', value: null } },
    });
  });

  it('leaves buttons and overflow menus out, as Slack does', () => {
    const { controls: homeControls } = renderView(
      {
        type: 'home',
        blocks: [
          {
            type: 'actions',
            block_id: 'home.actions',
            elements: [
              { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' } },
              { type: 'multi_users_select', action_id: 'people', initial_users: ['U0BOB'] },
            ],
          },
        ],
      },
      plainCtx,
    );

    expect(buildViewStateValues(homeControls, {})).toEqual({
      'home.actions': { people: { type: 'multi_users_select', selected_users: ['U0BOB'] } },
    });
  });
});

describe('validateSubmission', () => {
  it("reports empty required fields and short text the way Slack's client would", () => {
    const values = fill([[1, 'set', 'Q3']]);

    expect(validateSubmission(controls, values)).toEqual({
      'meeting.title': 'Please use at least 3 characters.',
      'meeting.date': 'Please complete this required field.',
      'meeting.departments': 'Please complete this required field.',
      'meeting.owner': 'Please complete this required field.',
    });
  });

  it('accepts a complete modal', () => {
    const values = fill([
      [1, 'set', 'Q3 planning'],
      [2, 'set', '2025-07-01'],
      [4, 'choose', 'sales'],
      [5, 'choose', '1'],
    ]);

    expect(validateSubmission(controls, values)).toEqual({});
  });
});

describe('multi-line text fields in the console', () => {
  const { controls: boxControls } = renderView(
    {
      type: 'modal',
      title: { type: 'plain_text', text: 'Import' },
      blocks: [
        {
          type: 'input',
          block_id: 'box',
          label: { type: 'plain_text', text: 'CSV' },
          element: { type: 'plain_text_input', action_id: 'value', multiline: true },
        },
        {
          type: 'input',
          block_id: 'line',
          label: { type: 'plain_text', text: 'Name' },
          element: { type: 'plain_text_input', action_id: 'value' },
        },
      ],
    },
    plainCtx,
  );
  const set = (index: number, text: string) => {
    const control = boxControls.find((candidate) => candidate.index === index);
    if (!control) throw new Error(`no control ${index}`);
    return resolveControlInput(control, { kind: 'set', control: index, text });
  };

  it('turn a typed \\n into a new line, since a console line cannot hold one', () => {
    expect(set(1, 'department,lead_email\\ntech,a@x.io')).toEqual({
      ok: true,
      value: { kind: 'text', text: 'department,lead_email\ntech,a@x.io' },
    });
  });

  it('keep \\n as typed in a one-line field', () => {
    expect(set(2, 'a\\nb')).toEqual({ ok: true, value: { kind: 'text', text: 'a\\nb' } });
  });
});
