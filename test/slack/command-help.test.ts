import { describe, expect, it } from 'vitest';
import { buildCommandHelp, buildUnknownCommandText, buildUsageText } from '../../src/slack/command-help.ts';

const impact = {
  usage: '/incident impact [id] <1-5>',
  summary: 'set the impact',
  hint: 'impact must be 1 (Critical) … 5 (No impact)',
};
const list = { usage: '/incident list', summary: 'list the open incidents' };

describe('command help and usage text', () => {
  it('lists every subcommand with what it does and how ids are written', () => {
    const help = buildCommandHelp([impact, list]);
    expect(help).toContain('• `/incident impact [id] <1-5>` — set the impact');
    expect(help).toContain('• `/incident list` — list the open incidents');
    expect(help).toContain('`INC-42`, `inc-42` or `42`');
  });

  it('gives the usage line with the hint, or the summary when there is no hint', () => {
    expect(buildUsageText(impact)).toBe(
      'Usage: `/incident impact [id] <1-5>` — impact must be 1 (Critical) … 5 (No impact)',
    );
    expect(buildUsageText(list)).toBe('Usage: `/incident list` — list the open incidents');
  });

  it('puts the specific problem first, escaped', () => {
    expect(buildUsageText(impact, '`<x>` is not an impact.')).toBe(
      '`&lt;x&gt;` is not an impact.\nUsage: `/incident impact [id] <1-5>` — impact must be 1 (Critical) … 5 (No impact)',
    );
  });

  it('names an unknown subcommand without letting it break out of its code span', () => {
    const text = buildUnknownCommandText('esc`alate', [list]);
    expect(text.startsWith("`/incident` has no subcommand `esc'alate`.")).toBe(true);
    expect(text).toContain('`/incident list`');
  });
});
