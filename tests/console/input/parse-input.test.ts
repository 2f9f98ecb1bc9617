import { describe, expect, it } from 'vitest';
import { consoleHelpText, parseConsoleInput } from '../../../src/console/input/index.js';

describe('parseConsoleInput', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['/liaison help', { kind: 'slash', command: '/liaison', text: 'help' }],
    ['/liaison', { kind: 'slash', command: '/liaison', text: '' }],
    ['/Liaison meet  with  ops ', { kind: 'slash', command: '/liaison', text: 'meet  with  ops' }],
    ['press 2', { kind: 'press', control: 2 }],
    ['p 2', { kind: 'press', control: 2 }],
    ['2', { kind: 'press', control: 2 }],
    ['press 3.1', { kind: 'press', control: 3, option: 1 }],
    ['3.2', { kind: 'press', control: 3, option: 2 }],
    ['choose 4 2', { kind: 'choose', control: 4, choices: ['2'] }],
    ['choose 4 high', { kind: 'choose', control: 4, choices: ['high'] }],
    ['c 5 1, 3 ,ops', { kind: 'choose', control: 5, choices: ['1', '3', 'ops'] }],
    ['choose 5 销售，运营', { kind: 'choose', control: 5, choices: ['销售', '运营'] }],
    ['set 1 Q3 planning  sync', { kind: 'set', control: 1, text: 'Q3 planning  sync' }],
    ['set 2 2025-07-01', { kind: 'set', control: 2, text: '2025-07-01' }],
    ['set 1', { kind: 'set', control: 1, text: '' }],
    ['submit', { kind: 'submit' }],
    ['cancel', { kind: 'cancel' }],
    ['CLOSE', { kind: 'cancel' }],
    ['home', { kind: 'home' }],
    ['as U0BOB', { kind: 'as', user: 'U0BOB' }],
    ['as @alice', { kind: 'as', user: 'alice' }],
    ['help', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['quit', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    ['say Stock <b> & more', { kind: 'say', text: 'Stock <b> & more' }],
    ['escalate-this', { kind: 'escalate-this' }],
  ])('parses %j', (line, expected) => {
    expect(parseConsoleInput(line)).toEqual(expected);
  });

  it.each([
    ['press', /Usage: press <number>/],
    ['press two', /Usage: press <number>/],
    ['press 0', /Usage: press <number>/],
    ['press 3.0', /numbered from 1/],
    ['choose 4', /Usage: choose <number> <option>/],
    ['choose x 1', /Usage: choose/],
    ['set', /Usage: set <number> <text>/],
    ['as', /Usage: as <user/],
    ['say', /Usage: say <text>/],
    ['escalate-this now', /takes no arguments/],
    ['submit now', /takes no arguments/],
    ['/', /slash command like/],
    ['liaison help', /try `\/liaison help`/],
    ['dance', /Unknown command `dance`.*help/],
  ])('rejects %j with a hint', (line, message) => {
    const input = parseConsoleInput(line);

    expect(input.kind).toBe('unknown');
    if (input.kind === 'unknown') {
      expect(input.message).toMatch(message);
      expect(input.line).toBe(line);
    }
  });
});

describe('consoleHelpText', () => {
  it('explains every command in English and Simplified Chinese', () => {
    const en = consoleHelpText('en');
    const zh = consoleHelpText('zh-CN');

    for (const syntax of [
      '/liaison',
      'press N',
      'press N.M',
      'choose N',
      'set N',
      'submit',
      'cancel',
      'home',
      'as <user>',
      'say <text>',
      'escalate-this',
      'help',
      'quit',
    ]) {
      expect(en).toContain(syntax);
      expect(zh).toContain(syntax);
    }
    expect(en).toContain('YYYY-MM-DD');
    expect(zh).toContain('点击按钮 N');
    expect(zh).toContain('退出控制台');
    expect(zh.split('\n')).toHaveLength(en.split('\n').length);
  });
});
