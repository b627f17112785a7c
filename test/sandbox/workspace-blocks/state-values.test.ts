import { describe, expect, it } from 'vitest';
import { stateValueFor } from '../../../sandbox/workspace/blocks/index.ts';
import { IMPACT_OPTIONS, impactOption } from '../../../src/incidents/incident-actions.ts';

const option = (value: string, text = `Option ${value}`) => ({ text: { type: 'plain_text', text }, value });
const mrkdwnOption = (value: string) => ({
  text: { type: 'mrkdwn', text: `*${value}*` },
  description: { type: 'plain_text', text: 'why' },
  value,
});

describe('stateValueFor text and number inputs', () => {
  it('gives a plain_text_input the value typed, and null when nothing was', () => {
    const element = { type: 'plain_text_input', action_id: 'warroom_note_text', multiline: true };
    expect(stateValueFor(element, 'DB failed over\nback to normal')).toEqual({
      type: 'plain_text_input',
      value: 'DB failed over\nback to normal',
    });
    expect(stateValueFor(element, '')).toEqual({ type: 'plain_text_input', value: null });
    expect(stateValueFor(element, null)).toEqual({ type: 'plain_text_input', value: null });
  });

  it('gives email and url inputs their value', () => {
    expect(stateValueFor({ type: 'email_text_input' }, 'a@b.test')).toEqual({
      type: 'email_text_input',
      value: 'a@b.test',
    });
    expect(stateValueFor({ type: 'url_text_input' }, null)).toEqual({ type: 'url_text_input', value: null });
  });

  it('gives a number_input its value as a string, as Slack does, and refuses what is not a number', () => {
    const whole = { type: 'number_input', is_decimal_allowed: false, min_value: '1', max_value: '35' };
    expect(stateValueFor(whole, '7')).toEqual({ type: 'number_input', value: '7' });
    expect(stateValueFor(whole, null)).toEqual({ type: 'number_input', value: null });
    expect(() => stateValueFor(whole, '7.5')).toThrow('Expected a whole number, got "7.5".');
    expect(() => stateValueFor(whole, '36')).toThrow('Expected a number of at most 35');
    expect(() => stateValueFor(whole, '0')).toThrow('Expected a number of at least 1');
    expect(stateValueFor({ type: 'number_input', is_decimal_allowed: true }, '-2.5')).toEqual({
      type: 'number_input',
      value: '-2.5',
    });
    expect(() => stateValueFor({ type: 'number_input', is_decimal_allowed: true }, 'ten')).toThrow(
      'Expected a number',
    );
  });

  it('gives a rich_text_input a rich_text value holding the text', () => {
    expect(stateValueFor({ type: 'rich_text_input' }, 'hello')).toEqual({
      type: 'rich_text_input',
      rich_text_value: {
        type: 'rich_text',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hello' }] }],
      },
    });
    expect(stateValueFor({ type: 'rich_text_input' }, null)).toEqual({
      type: 'rich_text_input',
      rich_text_value: { type: 'rich_text', elements: [] },
    });
  });
});

describe('stateValueFor menus and choices', () => {
  const impactSelect = { type: 'static_select', options: IMPACT_OPTIONS, initial_option: impactOption(3) };

  it('gives a static_select the whole option warroom sent, and null when nothing is selected', () => {
    expect(stateValueFor(impactSelect, '2')).toEqual({
      type: 'static_select',
      selected_option: impactOption(2),
    });
    expect(stateValueFor(impactSelect, null)).toEqual({ type: 'static_select', selected_option: null });
    expect(stateValueFor(impactSelect, '')).toEqual({ type: 'static_select', selected_option: null });
  });

  it('finds options inside option groups', () => {
    const grouped = {
      type: 'static_select',
      option_groups: [
        { label: { type: 'plain_text', text: 'Instances' }, options: [option('orders-db')] },
        { label: { type: 'plain_text', text: 'Clusters' }, options: [option('orders-cluster')] },
      ],
    };
    expect(stateValueFor(grouped, 'orders-cluster')).toEqual({
      type: 'static_select',
      selected_option: option('orders-cluster'),
    });
  });

  it('refuses a value the menu does not offer, naming it', () => {
    expect(() => stateValueFor(impactSelect, '9')).toThrow(
      `Expected one of the static_select's option values, got "9".`,
    );
    expect(() => stateValueFor(impactSelect, ['1', '2'])).toThrow('Expected one value for static_select');
  });

  it('gives a multi_static_select every chosen option, [] for none', () => {
    const element = { type: 'multi_static_select', options: [option('a'), option('b'), option('c')] };
    expect(stateValueFor(element, ['a', 'c'])).toEqual({
      type: 'multi_static_select',
      selected_options: [option('a'), option('c')],
    });
    expect(stateValueFor(element, null)).toEqual({ type: 'multi_static_select', selected_options: [] });
  });

  it('echoes an external_select choice it cannot look up', () => {
    expect(stateValueFor({ type: 'external_select' }, 'db-1')).toEqual({
      type: 'external_select',
      selected_option: { text: { type: 'plain_text', text: 'db-1' }, value: 'db-1' },
    });
    expect(stateValueFor({ type: 'multi_external_select' }, null)).toEqual({
      type: 'multi_external_select',
      selected_options: [],
    });
  });

  it('gives checkboxes their ticked options (mrkdwn text and description kept) and [] for none', () => {
    const element = { type: 'checkboxes', options: [mrkdwnOption('notify'), mrkdwnOption('snapshot')] };
    expect(stateValueFor(element, ['snapshot'])).toEqual({
      type: 'checkboxes',
      selected_options: [mrkdwnOption('snapshot')],
    });
    expect(stateValueFor(element, [])).toEqual({ type: 'checkboxes', selected_options: [] });
  });

  it('gives radio_buttons and overflow the chosen option, null for none', () => {
    const radios = { type: 'radio_buttons', options: [mrkdwnOption('yes'), mrkdwnOption('no')] };
    expect(stateValueFor(radios, 'no')).toEqual({
      type: 'radio_buttons',
      selected_option: mrkdwnOption('no'),
    });
    expect(stateValueFor(radios, null)).toEqual({ type: 'radio_buttons', selected_option: null });
    const overflow = { type: 'overflow', options: [option('status'), option('logs')] };
    expect(stateValueFor(overflow, 'logs')).toEqual({ type: 'overflow', selected_option: option('logs') });
  });

  it('gives the directory menus their ids, null or [] for none', () => {
    expect(stateValueFor({ type: 'users_select' }, 'U0ALICE')).toEqual({
      type: 'users_select',
      selected_user: 'U0ALICE',
    });
    expect(stateValueFor({ type: 'users_select' }, null)).toEqual({
      type: 'users_select',
      selected_user: null,
    });
    expect(stateValueFor({ type: 'multi_users_select' }, ['U0ALICE', 'U0BOB'])).toEqual({
      type: 'multi_users_select',
      selected_users: ['U0ALICE', 'U0BOB'],
    });
    expect(stateValueFor({ type: 'conversations_select' }, 'C0ALERTS')).toEqual({
      type: 'conversations_select',
      selected_conversation: 'C0ALERTS',
    });
    expect(stateValueFor({ type: 'multi_conversations_select' }, null)).toEqual({
      type: 'multi_conversations_select',
      selected_conversations: [],
    });
    expect(stateValueFor({ type: 'channels_select' }, null)).toEqual({
      type: 'channels_select',
      selected_channel: null,
    });
    expect(stateValueFor({ type: 'multi_channels_select' }, 'C0ALERTS')).toEqual({
      type: 'multi_channels_select',
      selected_channels: ['C0ALERTS'],
    });
  });
});

describe('stateValueFor pickers and files', () => {
  it('gives a datepicker its YYYY-MM-DD date, null for none, and refuses other formats', () => {
    expect(stateValueFor({ type: 'datepicker' }, '2026-11-22')).toEqual({
      type: 'datepicker',
      selected_date: '2026-11-22',
    });
    expect(stateValueFor({ type: 'datepicker' }, null)).toEqual({ type: 'datepicker', selected_date: null });
    expect(() => stateValueFor({ type: 'datepicker' }, '22/11/2026')).toThrow(
      'Expected a date as YYYY-MM-DD',
    );
  });

  it('gives a timepicker its HH:mm time and the timezone the element names', () => {
    expect(stateValueFor({ type: 'timepicker', timezone: 'Europe/Berlin' }, '09:30')).toEqual({
      type: 'timepicker',
      selected_time: '09:30',
      timezone: 'Europe/Berlin',
    });
    expect(stateValueFor({ type: 'timepicker' }, null)).toEqual({ type: 'timepicker', selected_time: null });
    expect(() => stateValueFor({ type: 'timepicker' }, '25:00')).toThrow('Expected a time as HH:mm');
  });

  it('gives a datetimepicker epoch seconds, from epoch digits or a datetime-local value', () => {
    expect(stateValueFor({ type: 'datetimepicker' }, '1795338000')).toEqual({
      type: 'datetimepicker',
      selected_date_time: 1795338000,
    });
    const local = stateValueFor({ type: 'datetimepicker' }, '2026-11-22T09:00');
    expect(local['selected_date_time']).toBe(new Date(2026, 10, 22, 9, 0).getTime() / 1000);
    expect(stateValueFor({ type: 'datetimepicker' }, null)).toEqual({
      type: 'datetimepicker',
      selected_date_time: null,
    });
  });

  it('gives a file_input the uploaded file ids, [] for none', () => {
    expect(stateValueFor({ type: 'file_input' }, ['F01'])).toEqual({
      type: 'file_input',
      files: [{ id: 'F01' }],
    });
    expect(stateValueFor({ type: 'file_input' }, null)).toEqual({ type: 'file_input', files: [] });
  });
});

describe('stateValueFor refusals', () => {
  it('says a button has no state value', () => {
    expect(() => stateValueFor({ type: 'button', action_id: 'x' }, 'v')).toThrow(
      'A button element has no state value in Slack.',
    );
  });

  it('says what it expected when the element is not an element', () => {
    expect(() => stateValueFor('plain_text_input', 'x')).toThrow(
      'Expected an element object with a type, got "plain_text_input".',
    );
  });
});
