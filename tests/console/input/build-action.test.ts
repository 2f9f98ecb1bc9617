import { describe, expect, it } from 'vitest';
import {
  buildActionFromControl,
  type ControlCommand,
  findControl,
  parseConsoleInput,
} from '../../../src/console/input/index.js';
import { type Control, renderMessage, renderView } from '../../../src/console/render/index.js';
import { helpBlocks, meetingModal, plainCtx } from '../render/examples.js';

const ACTION_TS = '1700000000.000200';
const messageControls = renderMessage({ blocks: helpBlocks }, plainCtx).controls;
const modalControls = renderView(meetingModal, plainCtx).controls;

/** Runs a typed line against the controls on screen, as the console will. */
function act(controls: readonly Control[], line: string) {
  const input = parseConsoleInput(line);
  if (input.kind !== 'press' && input.kind !== 'choose' && input.kind !== 'set')
    throw new Error(`not a control command: ${line}`);
  const command: ControlCommand = input;
  const found = findControl(controls, command.control);
  if (!found.ok) return found;
  return buildActionFromControl(found.value, command, { actionTs: ACTION_TS });
}

function actionOf(controls: readonly Control[], line: string) {
  const result = act(controls, line);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.action;
}

function errorOf(controls: readonly Control[], line: string) {
  const result = act(controls, line);
  if (result.ok) throw new Error(`expected an error for ${line}`);
  return result.error;
}

describe('buildActionFromControl', () => {
  it('builds a button action with text, value and style', () => {
    expect(actionOf(messageControls, 'press 1')).toEqual({
      type: 'button',
      action_id: 'meeting.open',
      block_id: 'help.actions',
      action_ts: ACTION_TS,
      text: { type: 'plain_text', text: 'Schedule meeting' },
      value: 'from-help',
      style: 'primary',
    });
    expect(actionOf(messageControls, 'press 2')).toMatchObject({
      type: 'button',
      url: 'https://example.com/docs',
    });
  });

  it('builds an overflow action from press N.M or choose', () => {
    const expected = {
      type: 'overflow',
      action_id: 'help.more',
      block_id: 'help.actions',
      action_ts: ACTION_TS,
      selected_option: { text: { type: 'plain_text', text: 'Feedback' }, value: 'feedback' },
    };
    expect(actionOf(messageControls, 'press 3.2')).toEqual(expected);
    expect(actionOf(messageControls, 'choose 3 feedback')).toEqual(expected);
  });

  it('builds a static select action by option number, value or label', () => {
    const expected = {
      type: 'static_select',
      action_id: 'help.language',
      block_id: 'help.actions',
      action_ts: ACTION_TS,
      selected_option: { text: { type: 'plain_text', text: '简体中文' }, value: 'zh-CN' },
    };
    expect(actionOf(messageControls, 'choose 4 2')).toEqual(expected);
    expect(actionOf(messageControls, 'choose 4 zh-CN')).toEqual(expected);
    expect(actionOf(messageControls, 'choose 4 简体中文')).toEqual(expected);
  });

  it('builds checkbox, radio, user, date, time and number actions in Slack shapes', () => {
    expect(actionOf(modalControls, 'choose 4 1,3')).toMatchObject({
      type: 'checkboxes',
      block_id: 'meeting.departments',
      action_id: 'value',
      selected_options: [
        { text: { type: 'mrkdwn', text: '*Sales*' }, value: 'sales' },
        { text: { type: 'plain_text', text: 'Finance' }, value: 'finance' },
      ],
    });
    expect(actionOf(modalControls, 'choose 6 normal')).toMatchObject({
      type: 'radio_buttons',
      selected_option: { text: { type: 'plain_text', text: 'Normal' }, value: 'normal' },
    });
    expect(actionOf(modalControls, 'choose 5 @bob')).toMatchObject({
      type: 'users_select',
      selected_user: 'U0BOB',
    });
    expect(actionOf(modalControls, 'choose 5 U0CAROL')).toMatchObject({ selected_user: 'U0CAROL' });
    expect(actionOf(modalControls, 'set 2 2024-02-29')).toMatchObject({
      type: 'datepicker',
      selected_date: '2024-02-29',
    });
    expect(actionOf(modalControls, 'set 3 9:05')).toMatchObject({
      type: 'timepicker',
      selected_time: '09:05',
    });
    expect(actionOf(modalControls, 'set 7 12')).toMatchObject({ type: 'number_input', value: '12' });
    expect(actionOf(modalControls, 'set 1 Q3 planning')).toMatchObject({
      type: 'plain_text_input',
      value: 'Q3 planning',
    });
  });

  it('returns the new field value alongside the action, and none for buttons', () => {
    const choose = act(modalControls, 'choose 4 ops');
    const press = act(messageControls, 'press 1');

    expect(choose.ok && choose.value.value).toEqual({ kind: 'selection', selected: ['ops'] });
    expect(press.ok && press.value.value).toBeUndefined();
  });

  it.each([
    ['press 9', 'no-such-control', /There is no \[9\]; numbers shown: 1, 2, 3, 4/],
    ['press 4', 'not-pressable', /not a button\. Use `choose 4 <option>`/],
    ['press 3', 'needs-option', /press 3\.1 to 3\.2/],
    ['press 3.5', 'no-such-option', /items 3\.1 to 3\.2/],
    ['press 1.1', 'not-pressable', /not a menu/],
    ['choose 4 3', 'no-such-option', /"3" is not a choice of \[4\]: choose 1-2 or one of: English, 简体中文/],
    ['choose 4 1,2', 'too-many-choices', /takes one choice, got 2/],
    ['choose 1 2', 'not-choosable', /no options to choose/],
    ['set 4 English', 'not-settable', /Use `choose 4 <option>`/],
  ])('%s on a message → %s', (line, code, message) => {
    const error = errorOf(messageControls, line);

    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['set 2 2025-02-30', /Date needs a date as YYYY-MM-DD, got "2025-02-30"/],
    ['set 2 01/07/2025', /YYYY-MM-DD/],
    ['set 3 24:00', /HH:MM/],
    ['set 3 9am', /HH:MM/],
    ['set 7 2.5', /whole number/],
    ['set 7 1', /at least 2/],
    ['set 7 51', /at most 50/],
    ['set 1 this title is far too long for the forty character limit', /at most 40 characters/],
    ['press 1', /not a button\. Use `set 1 <value>`/],
    ['choose 5 nobody', /"nobody" is not a choice/],
    ['choose 6 high,normal', /takes one choice/],
  ])('%s on the modal is rejected', (line, message) => {
    expect(errorOf(modalControls, line).message).toMatch(message);
  });

  it('lets `set N` clear a date and `choose N none` untick every checkbox', () => {
    expect(actionOf(modalControls, 'set 2')).toMatchObject({ selected_date: null });
    expect(actionOf(modalControls, 'choose 4 none')).toMatchObject({ selected_options: [] });
  });
});
