import type { AnyBlock, ModalView } from '@slack/types';
import type { RenderContext } from '../../../src/console/render/index.js';

// Block Kit as a real Liaison surface would send it, shared by render and input tests.

const NAMES: Record<string, string> = { U0ALICE: 'Alice', U0BOB: 'Bob', U0LI: '李雷' };

export const plainCtx: RenderContext = {
  width: 80,
  color: false,
  resolveUser: (id) => NAMES[id],
  resolveChannel: (id) => (id === 'C0OPS' ? 'ops' : undefined),
  directory: {
    users: [
      { id: 'U0ALICE', name: 'Alice' },
      { id: 'U0BOB', name: 'Bob' },
    ],
    channels: [{ id: 'C0OPS', name: 'ops' }],
  },
};

export const helpBlocks: AnyBlock[] = [
  { type: 'header', text: { type: 'plain_text', text: 'Liaison help' } },
  {
    type: 'section',
    text: { type: 'mrkdwn', text: '*Coordinate across departments* without leaving Slack.' },
  },
  {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: '*`/liaison meet`*\nSchedule a joint meeting' },
      { type: 'mrkdwn', text: '*`/liaison okr`*\nWeekly OKR check-in' },
    ],
  },
  { type: 'divider' },
  {
    type: 'context',
    elements: [
      { type: 'image', image_url: 'https://example.com/logo.png', alt_text: 'Liaison' },
      { type: 'mrkdwn', text: 'Questions? Ask in <#C0OPS>.' },
    ],
  },
  {
    type: 'actions',
    block_id: 'help.actions',
    elements: [
      {
        type: 'button',
        action_id: 'meeting.open',
        text: { type: 'plain_text', text: 'Schedule meeting' },
        value: 'from-help',
        style: 'primary',
      },
      {
        type: 'button',
        action_id: 'docs.open',
        text: { type: 'plain_text', text: 'Docs' },
        url: 'https://example.com/docs',
      },
      {
        type: 'overflow',
        action_id: 'help.more',
        options: [
          { text: { type: 'plain_text', text: 'Settings' }, value: 'settings' },
          { text: { type: 'plain_text', text: 'Feedback' }, value: 'feedback' },
        ],
      },
      {
        type: 'static_select',
        action_id: 'help.language',
        placeholder: { type: 'plain_text', text: 'Language' },
        options: [
          { text: { type: 'plain_text', text: 'English' }, value: 'en' },
          { text: { type: 'plain_text', text: '简体中文' }, value: 'zh-CN' },
        ],
        initial_option: { text: { type: 'plain_text', text: 'English' }, value: 'en' },
      },
    ],
  },
];

export const meetingModal: ModalView = {
  type: 'modal',
  callback_id: 'meeting.schedule',
  title: { type: 'plain_text', text: 'Schedule meeting' },
  submit: { type: 'plain_text', text: 'Schedule' },
  close: { type: 'plain_text', text: 'Not now' },
  blocks: [
    {
      type: 'input',
      block_id: 'meeting.title',
      label: { type: 'plain_text', text: 'Title' },
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        min_length: 3,
        max_length: 40,
        placeholder: { type: 'plain_text', text: 'e.g. Q3 planning' },
      },
    },
    {
      type: 'input',
      block_id: 'meeting.date',
      label: { type: 'plain_text', text: 'Date' },
      hint: { type: 'plain_text', text: 'Weekdays only' },
      element: { type: 'datepicker', action_id: 'value' },
    },
    {
      type: 'input',
      block_id: 'meeting.time',
      label: { type: 'plain_text', text: 'Start time' },
      element: { type: 'timepicker', action_id: 'value', initial_time: '10:00' },
    },
    {
      type: 'input',
      block_id: 'meeting.departments',
      label: { type: 'plain_text', text: 'Departments' },
      element: {
        type: 'checkboxes',
        action_id: 'value',
        options: [
          { text: { type: 'mrkdwn', text: '*Sales*' }, value: 'sales' },
          { text: { type: 'plain_text', text: 'Operations' }, value: 'ops' },
          { text: { type: 'plain_text', text: 'Finance' }, value: 'finance' },
        ],
      },
    },
    {
      type: 'input',
      block_id: 'meeting.owner',
      label: { type: 'plain_text', text: 'Owner' },
      element: { type: 'users_select', action_id: 'value' },
    },
    {
      type: 'input',
      block_id: 'meeting.priority',
      optional: true,
      dispatch_action: true,
      label: { type: 'plain_text', text: 'Priority' },
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: [
          { text: { type: 'plain_text', text: 'High' }, value: 'high' },
          { text: { type: 'plain_text', text: 'Normal' }, value: 'normal' },
        ],
      },
    },
    {
      type: 'input',
      block_id: 'meeting.attendees',
      optional: true,
      label: { type: 'plain_text', text: 'Expected attendees' },
      element: {
        type: 'number_input',
        action_id: 'value',
        is_decimal_allowed: false,
        min_value: '2',
        max_value: '50',
      },
    },
  ],
};
