import { describe, expect, it } from 'vitest';
import { renderView, setFieldValue } from '../../../src/console/render/index.js';
import { meetingModal, plainCtx } from './examples.js';

const lines = (text: string) => text.split('\n');

describe('renderView', () => {
  it('renders a modal with labels, values, hints, optional flags, errors and its buttons', () => {
    const { controls } = renderView(meetingModal, plainCtx);
    const [title, , , departments] = controls;
    if (title === undefined || departments === undefined) throw new Error('controls missing');
    let values = setFieldValue({}, title, { kind: 'text', text: 'Q3 planning' });
    values = setFieldValue(values, departments, { kind: 'selection', selected: ['sales', 'finance'] });

    const { text } = renderView(
      meetingModal,
      { ...plainCtx, width: 60 },
      {
        values,
        fieldErrors: { 'meeting.date': 'Meetings cannot be on a weekend', 'meeting.owner': 'Pick an owner' },
      },
    );

    expect(lines(text)).toEqual([
      'Modal: Schedule meeting',
      '='.repeat(60),
      '[1] Title',
      '    > Q3 planning',
      '',
      '[2] Date',
      '    > (YYYY-MM-DD)',
      '    Weekdays only',
      '    ! Meetings cannot be on a weekend',
      '',
      '[3] Start time',
      '    > 10:00',
      '',
      '[4] Departments',
      '    [x] 1. Sales',
      '    [ ] 2. Operations',
      '    [x] 3. Finance',
      '',
      '[5] Owner',
      '    ( ) 1. Alice',
      '    ( ) 2. Bob',
      '    ! Pick an owner',
      '',
      '[6] Priority (optional)',
      '    ( ) 1. High',
      '    ( ) 2. Normal',
      '',
      '[7] Expected attendees (optional)',
      '    > (number)',
      '='.repeat(60),
      '[submit] Schedule  [cancel] Not now',
    ]);
  });

  it('describes modal fields as input-block controls', () => {
    const { controls } = renderView(meetingModal, plainCtx);

    expect(
      controls.map((control) => [control.index, control.kind, control.blockId, control.actionId]),
    ).toEqual([
      [1, 'plain_text_input', 'meeting.title', 'value'],
      [2, 'datepicker', 'meeting.date', 'value'],
      [3, 'timepicker', 'meeting.time', 'value'],
      [4, 'checkboxes', 'meeting.departments', 'value'],
      [5, 'users_select', 'meeting.owner', 'value'],
      [6, 'radio_buttons', 'meeting.priority', 'value'],
      [7, 'number_input', 'meeting.attendees', 'value'],
    ]);
    expect(controls[1]?.field).toEqual({
      label: 'Date',
      optional: false,
      hint: 'Weekdays only',
      dispatchAction: false,
    });
    expect(controls[1]?.dispatchesAction).toBe(false);
    expect(controls[5]?.field).toMatchObject({ optional: true, dispatchAction: true });
    expect(controls[5]?.dispatchesAction).toBe(true);
    expect(controls[2]?.initial).toEqual({ kind: 'time', time: '10:00' });
    // mrkdwn option text is shown plain but kept as sent, because Slack echoes it back.
    expect(controls[3]?.options[0]).toMatchObject({
      label: 'Sales',
      text: { type: 'mrkdwn', text: '*Sales*' },
    });
  });

  it('shows the placeholder of an empty text field and defaults the close label', () => {
    const { text } = renderView(
      {
        type: 'modal',
        title: { type: 'plain_text', text: 'Note' },
        blocks: [
          {
            type: 'input',
            label: { type: 'plain_text', text: 'Note' },
            element: { type: 'plain_text_input', placeholder: { type: 'plain_text', text: 'Say something' } },
          },
        ],
      },
      plainCtx,
    );

    expect(lines(text).slice(2)).toEqual([
      '[1] Note',
      '    > Say something',
      '='.repeat(80),
      '[cancel] Cancel',
    ]);
  });

  it('gives positional ids to blocks and elements the app left unnamed', () => {
    const { controls } = renderView(
      {
        type: 'modal',
        title: { type: 'plain_text', text: 'Note' },
        blocks: [
          { type: 'section', text: { type: 'plain_text', text: 'intro' } },
          {
            type: 'input',
            label: { type: 'plain_text', text: 'Note' },
            element: { type: 'plain_text_input' },
          },
        ],
      },
      plainCtx,
    );

    expect(controls[0]).toMatchObject({ blockId: 'block-1', actionId: 'action-0' });
  });

  it('renders the App Home without modal buttons', () => {
    const { text, controls } = renderView(
      {
        type: 'home',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: '*Your week*' } },
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'okr.checkin', text: { type: 'plain_text', text: 'Check in' } },
            ],
          },
        ],
      },
      { ...plainCtx, width: 20 },
    );

    expect(lines(text)).toEqual(['App Home', '='.repeat(20), 'Your week', '[1] Check in']);
    expect(controls).toHaveLength(1);
  });
});
