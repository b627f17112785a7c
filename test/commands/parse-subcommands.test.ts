import { describe, expect, it } from 'vitest';
import { ackCommand } from '../../commands/ack.ts';
import { SUBCOMMANDS } from '../../commands/catalog.ts';
import { declareCommand } from '../../commands/declare.ts';
import { impactCommand } from '../../commands/impact.ts';
import { listCommand } from '../../commands/list.ts';
import { noteCommand } from '../../commands/note.ts';
import { oncallCommand } from '../../commands/oncall.ts';
import { pageCommand } from '../../commands/page.ts';
import { decodeSlackEntities } from '../../commands/parse-args.ts';
import { reopenCommand } from '../../commands/reopen.ts';
import { resolveCommand } from '../../commands/resolve.ts';
import { showCommand } from '../../commands/show.ts';
import { splitCommand } from '../../commands/split.ts';
import { startedCommand } from '../../commands/started.ts';
import { takeCommand } from '../../commands/take.ts';
import { timelineCommand } from '../../commands/timeline.ts';

describe('help', () => {
  const help = SUBCOMMANDS.find((command) => command.name === 'help')!;

  it('takes nothing or one subcommand name', () => {
    expect(help.parse('')).toEqual({ ok: true, args: { topic: undefined } });
    expect(help.parse(' Impact ')).toEqual({ ok: true, args: { topic: 'impact' } });
  });

  it('refuses more than one word', () => {
    expect(help.parse('impact note').ok).toBe(false);
  });
});

describe('declare <title> [impact]', () => {
  it('reads a last word 1-5 as the impact and the rest as the title', () => {
    expect(declareCommand.parse('Orders DB   down 2')).toEqual({
      ok: true,
      args: { form: 'inline', title: 'Orders DB down', impact: 2 },
    });
  });

  it('defaults the impact to 3 when the last word is not 1-5', () => {
    expect(declareCommand.parse('Checkout slow for EU 7')).toEqual({
      ok: true,
      args: { form: 'inline', title: 'Checkout slow for EU 7', impact: 3 },
    });
  });

  it('keeps a lone number as the title rather than declaring an untitled incident', () => {
    expect(declareCommand.parse('2')).toEqual({ ok: true, args: { form: 'inline', title: '2', impact: 3 } });
  });

  it('asks for the modal when there are no arguments', () => {
    expect(declareCommand.parse('   ')).toEqual({ ok: true, args: { form: 'modal' } });
  });

  it('takes a quoted title without its quotes, straight or typographic', () => {
    const expected = { ok: true, args: { form: 'inline', title: 'Checkout latency', impact: 2 } };
    expect(declareCommand.parse('"Checkout latency" 2')).toEqual(expected);
    expect(declareCommand.parse('“Checkout latency” 2')).toEqual(expected);
  });

  it('keeps a number inside the quotes, or quoted, as part of the title', () => {
    expect(declareCommand.parse('"Release 2"')).toEqual({
      ok: true,
      args: { form: 'inline', title: 'Release 2', impact: 3 },
    });
    expect(declareCommand.parse('Release "2"')).toEqual({
      ok: true,
      args: { form: 'inline', title: 'Release 2', impact: 3 },
    });
  });

  it('refuses a quote left open, and an empty quoted title, saying why', () => {
    expect(declareCommand.parse('"Checkout latency 2')).toEqual({
      ok: false,
      problem: 'The quote before `Checkout latency 2` is never closed: close it, or leave the quotes out.',
    });
    expect(declareCommand.parse('"" 2')).toEqual({
      ok: false,
      problem: 'The title is empty: write it between the quotes.',
    });
  });

  it('refuses a title longer than the modal allows, saying why', () => {
    const result = declareCommand.parse(`${'x'.repeat(151)} 2`);
    expect(result).toEqual({ ok: false, problem: 'A title can be at most 150 characters.' });
  });
});

describe('list', () => {
  it('takes no arguments', () => {
    expect(listCommand.parse('')).toEqual({ ok: true, args: {} });
    expect(listCommand.parse('open').ok).toBe(false);
  });
});

describe.each([
  ['show', showCommand],
  ['ack', ackCommand],
  ['split', splitCommand],
] as const)('%s [id]', (_name, command) => {
  it('takes an optional id in any of the forms people type', () => {
    expect(command.parse('')).toEqual({ ok: true, args: { id: undefined } });
    expect(command.parse('INC-42')).toEqual({ ok: true, args: { id: 42 } });
    expect(command.parse('inc-42')).toEqual({ ok: true, args: { id: 42 } });
    expect(command.parse(' 42 ')).toEqual({ ok: true, args: { id: 42 } });
  });

  it('names a word that is not an id', () => {
    expect(command.parse('orders-db')).toEqual({
      ok: false,
      problem: '`orders-db` is not an incident id (INC-42, inc-42 or 42).',
    });
  });

  it('refuses extra words', () => {
    expect(command.parse('INC-1 INC-2')).toEqual({ ok: false });
  });
});

describe('impact [id] <1-5>', () => {
  it('takes an impact alone or after an id', () => {
    expect(impactCommand.parse('2')).toEqual({ ok: true, args: { id: undefined, impact: 2 } });
    expect(impactCommand.parse('INC-7 1')).toEqual({ ok: true, args: { id: 7, impact: 1 } });
  });

  it('complains about the impact, not the id, when the impact is wrong', () => {
    expect(impactCommand.parse('INC-7 high')).toEqual({ ok: false, problem: '`high` is not an impact.' });
    expect(impactCommand.parse('7')).toEqual({ ok: false, problem: '`7` is not an impact.' });
    expect(impactCommand.parse('0')).toEqual({ ok: false, problem: '`0` is not an impact.' });
  });

  it('complains about the id when the id is wrong', () => {
    expect(impactCommand.parse('orders 2')).toEqual({
      ok: false,
      problem: '`orders` is not an incident id (INC-42, inc-42 or 42).',
    });
  });

  it('reads quoted words as the words they quote, and refuses a quote left open', () => {
    expect(impactCommand.parse('"INC-7" “1”')).toEqual({ ok: true, args: { id: 7, impact: 1 } });
    expect(impactCommand.parse('INC-7 "1')).toEqual({
      ok: false,
      problem: 'The quote before `1` is never closed: close it, or leave the quotes out.',
    });
  });

  it('refuses no arguments and too many', () => {
    expect(impactCommand.parse('')).toEqual({ ok: false });
    expect(impactCommand.parse('INC-1 2 3')).toEqual({ ok: false });
  });
});

describe('started [id] <time>', () => {
  it('keeps the time as typed, spaces and all, after a leading id', () => {
    expect(startedCommand.parse('INC-4 yesterday 23:10')).toEqual({
      ok: true,
      args: { id: 4, when: 'yesterday 23:10' },
    });
    expect(startedCommand.parse('09:40')).toEqual({ ok: true, args: { id: undefined, when: '09:40' } });
  });

  it('refuses no time at all, naming the forms it reads and that UTC is the default', () => {
    const parsed = startedCommand.parse('INC-4');
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('UTC unless a zone is given');
  });
});

describe('reopen [id] <reason>', () => {
  it('takes the reason after a leading id', () => {
    expect(reopenCommand.parse('INC-2 "errors are back"')).toEqual({
      ok: true,
      args: { id: 2, reason: 'errors are back' },
    });
  });

  it('refuses a reopen without a reason', () => {
    const parsed = reopenCommand.parse('INC-2');
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('Say why it is reopened');
  });
});

describe('note [id] <text>', () => {
  it('takes a leading id and keeps the text as typed', () => {
    expect(noteCommand.parse('INC-3 Failover done.\n  Replica  lag 0')).toEqual({
      ok: true,
      args: { id: 3, text: 'Failover done.\n  Replica  lag 0' },
    });
  });

  it('uses the whole text when it does not start with an id', () => {
    expect(noteCommand.parse('  restarted the pooler ')).toEqual({
      ok: true,
      args: { id: undefined, text: 'restarted the pooler' },
    });
  });

  it('takes quotes around the whole note off, and keeps quotes inside it and a lone one', () => {
    expect(noteCommand.parse('INC-3 “replica lag is 0”')).toEqual({
      ok: true,
      args: { id: 3, text: 'replica lag is 0' },
    });
    expect(noteCommand.parse('INC-3 the "orders" table grew')).toEqual({
      ok: true,
      args: { id: 3, text: 'the "orders" table grew' },
    });
    expect(noteCommand.parse('INC-3 "unsure')).toEqual({ ok: true, args: { id: 3, text: '"unsure' } });
  });

  it('refuses an empty note, with or without an id', () => {
    expect(noteCommand.parse('')).toEqual({ ok: false, problem: 'Write the note after the id.' });
    expect(noteCommand.parse('INC-3')).toEqual({ ok: false, problem: 'Write the note after the id.' });
  });

  it('takes a note longer than the Add note modal allows, whole, newlines kept', () => {
    const text = `${'x'.repeat(3000)}\n${'y'.repeat(2000)}`;
    expect(noteCommand.parse(`INC-3 ${text}`)).toEqual({ ok: true, args: { id: 3, text } });
  });

  it('refuses a note over 20,000 characters, saying the limit', () => {
    expect(noteCommand.parse(`INC-3 ${'x'.repeat(20_001)}`)).toEqual({
      ok: false,
      problem: 'A note can be at most 20,000 characters; split a longer one into several notes.',
    });
  });
});

describe('timeline [id] [page]', () => {
  it('takes one word as the id, as before pages existed', () => {
    expect(timelineCommand.parse('')).toEqual({ ok: true, args: { id: undefined, page: undefined } });
    expect(timelineCommand.parse('42')).toEqual({ ok: true, args: { id: 42, page: undefined } });
    expect(timelineCommand.parse('INC-42')).toEqual({ ok: true, args: { id: 42, page: undefined } });
  });

  it('takes a page after the id, or after the word page', () => {
    expect(timelineCommand.parse('INC-42 2')).toEqual({ ok: true, args: { id: 42, page: 2 } });
    expect(timelineCommand.parse('INC-42 page 3')).toEqual({ ok: true, args: { id: 42, page: 3 } });
    expect(timelineCommand.parse('page 2')).toEqual({ ok: true, args: { id: undefined, page: 2 } });
  });

  it('names a page that is not a number', () => {
    expect(timelineCommand.parse('INC-42 0')).toEqual({
      ok: false,
      problem: '`0` is not a page number (1, 2, …).',
    });
    expect(timelineCommand.parse('INC-1 INC-2')).toEqual({
      ok: false,
      problem: '`INC-2` is not a page number (1, 2, …).',
    });
  });
});

describe('oncall [rotation]', () => {
  it('takes nothing or one rotation name, lower-cased', () => {
    expect(oncallCommand.parse('')).toEqual({ ok: true, args: { rotation: undefined } });
    expect(oncallCommand.parse(' Primary ')).toEqual({ ok: true, args: { rotation: 'primary' } });
  });

  it('refuses more than one name', () => {
    expect(oncallCommand.parse('primary db').ok).toBe(false);
  });

  it('takes a quoted rotation name without its quotes', () => {
    expect(oncallCommand.parse('"primary"')).toEqual({ ok: true, args: { rotation: 'primary' } });
  });
});

describe('page [id] <@person|name|@group|rotation:<name>|contact:<alias>>', () => {
  it('takes an optional id and people, user groups and rotations as Slack sends them', () => {
    expect(pageCommand.parse('INC-3 <@U0BOB|bob> rotation:primary <!subteam^S0SRE|@sre> U0CAROL')).toEqual({
      ok: true,
      args: {
        id: 3,
        targets: [
          { target: 'U0BOB' },
          { target: 'rotation:primary' },
          { target: 'S0SRE' },
          { target: 'U0CAROL' },
        ],
      },
    });
    expect(pageCommand.parse('<@U0BOB>')).toEqual({
      ok: true,
      args: { id: undefined, targets: [{ target: 'U0BOB' }] },
    });
  });

  it('takes @handles, names and quoted real names, to be looked up in Slack', () => {
    expect(pageCommand.parse('INC-3 @carol sre "Carol Chen" @o\'neil')).toEqual({
      ok: true,
      args: {
        id: 3,
        targets: [{ name: '@carol' }, { name: 'sre' }, { name: 'Carol Chen' }, { name: "@o'neil" }],
      },
    });
  });

  it('takes SSM Contacts contacts by alias or contact ARN', () => {
    const arn = 'arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice-oncall';
    expect(pageCommand.parse(`INC-2 contact:alice-oncall contact:${arn}`)).toEqual({
      ok: true,
      args: { id: 2, targets: [{ target: 'contact:alice-oncall' }, { target: `contact:${arn}` }] },
    });
  });

  it('refuses a contact that cannot be an SSM Contacts alias', () => {
    const result = pageCommand.parse('INC-2 contact:Alice!');
    expect(result).toEqual({
      ok: false,
      problem: expect.stringContaining('`contact:Alice!` is not someone to page'),
    });
  });

  it('refuses a quote left open among the people to page', () => {
    expect(pageCommand.parse('INC-3 "rotation:primary')).toEqual({
      ok: false,
      problem: 'The quote before `rotation:primary` is never closed: close it, or leave the quotes out.',
    });
  });

  it('refuses nobody, and says which word is not someone to page', () => {
    expect(pageCommand.parse('INC-3').ok).toBe(false);
    const result = pageCommand.parse('INC-3 <#C0ALERTS>');
    expect(result).toEqual({
      ok: false,
      problem: expect.stringContaining('`<#C0ALERTS>` is not someone to page'),
    });
  });
});

describe('take [id] [@person]', () => {
  it('takes an optional id and at most one person, by mention, id or name', () => {
    expect(takeCommand.parse('')).toEqual({ ok: true, args: { id: undefined, to: undefined } });
    expect(takeCommand.parse('INC-2 <@U0BOB|bob>')).toEqual({
      ok: true,
      args: { id: 2, to: { user: 'U0BOB' } },
    });
    expect(takeCommand.parse('2 "Bob Baker"')).toEqual({
      ok: true,
      args: { id: 2, to: { name: 'Bob Baker' } },
    });
    expect(takeCommand.parse('INC-2 @bob @carol')).toEqual({
      ok: false,
      problem: expect.stringContaining('one person at a time'),
    });
    expect(takeCommand.parse('INC-2 <#C0ALERTS>')).toEqual({
      ok: false,
      problem: expect.stringContaining('`<#C0ALERTS>` is not a person'),
    });
  });
});

describe('resolve [id] [summary]', () => {
  it('takes an optional id and an optional summary', () => {
    expect(resolveCommand.parse('')).toEqual({ ok: true, args: { id: undefined, summary: undefined } });
    expect(resolveCommand.parse('INC-4')).toEqual({ ok: true, args: { id: 4, summary: undefined } });
    expect(resolveCommand.parse('4 rolled back the deploy')).toEqual({
      ok: true,
      args: { id: 4, summary: 'rolled back the deploy' },
    });
    expect(resolveCommand.parse('rolled back')).toEqual({
      ok: true,
      args: { id: undefined, summary: 'rolled back' },
    });
  });

  it('takes quotes around the whole summary off', () => {
    expect(resolveCommand.parse('INC-4 "rolled back the deploy"')).toEqual({
      ok: true,
      args: { id: 4, summary: 'rolled back the deploy' },
    });
    expect(resolveCommand.parse('INC-4 ""')).toEqual({ ok: true, args: { id: 4, summary: undefined } });
  });

  it('refuses a summary longer than the resolve modal allows', () => {
    expect(resolveCommand.parse(`INC-4 ${'y'.repeat(3001)}`).ok).toBe(false);
  });
});

describe('the catalog', () => {
  it('has every subcommand of the design once, each with a usage naming itself', () => {
    const names = SUBCOMMANDS.map((command) => command.name);
    expect(names).toEqual([
      'help',
      'declare',
      'list',
      'show',
      'ack',
      'take',
      'impact',
      'note',
      'update',
      'timeline',
      'times',
      'started',
      'followup',
      'followups',
      'runbook',
      'rds',
      'oncall',
      'route',
      'page',
      'snooze',
      'unsnooze',
      'split',
      'resolve',
      'reopen',
      'review',
    ]);
    for (const command of SUBCOMMANDS)
      expect(command.usage.startsWith(`/incident ${command.name}`)).toBe(true);
  });
});

describe("Slack's escaping of command text", () => {
  it('is decoded once, so a note is stored as typed (and &amp;lt; stays literal)', () => {
    expect(decodeSlackEntities('p99 &gt; 2s &amp; errors &lt; 1% &amp;lt;')).toBe(
      'p99 > 2s & errors < 1% &lt;',
    );
  });
});
