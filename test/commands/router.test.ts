import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SUBCOMMANDS } from '../../commands/catalog.ts';
import { parseArguments } from '../../commands/parse-args.ts';
import { createCommandRouter } from '../../commands/router.ts';
import type { AnySubcommand, Subcommand } from '../../commands/subcommand.ts';
import { BotError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import type { Store } from '../../src/store/store.ts';
import { buildUnitDeps, invoke } from './command-harness.ts';

function failing(error: unknown): Subcommand<Record<string, never>> {
  return {
    name: 'boom',
    usage: '/incident boom',
    summary: 'fails',
    parse: (text) =>
      parseArguments(
        z.tuple([]).transform(() => ({})),
        text,
      ),
    run: async () => {
      throw error;
    },
  };
}

describe('the /incident router', () => {
  it('acks before it reads the store', async () => {
    const deps = buildUnitDeps();
    const events: string[] = [];
    const store: Store = Object.create(deps.store);
    store.listOpenIncidents = async () => {
      events.push('store');
      return [];
    };
    const router = createCommandRouter({ ...deps, store }, SUBCOMMANDS);
    await invoke(router, 'list', events);
    expect(events).toEqual(['ack', 'store', 'respond']);
  });

  it('answers every reply ephemerally', async () => {
    const router = createCommandRouter(buildUnitDeps(), SUBCOMMANDS);
    const { replies } = await invoke(router, 'list');
    expect(replies).toEqual([expect.objectContaining({ response_type: 'ephemeral' })]);
  });

  it('shows help for an empty command, and matches subcommand names in any case', async () => {
    const router = createCommandRouter(buildUnitDeps(), SUBCOMMANDS);
    const empty = await invoke(router, '  ');
    expect(empty.replies[0]?.text).toContain('`/incident impact [id] <1-5>`');
    const upper = await invoke(router, 'LIST');
    expect(upper.replies[0]?.text).toBe('There is no open incident.');
  });

  it('answers an unknown subcommand with its name and the list of subcommands', async () => {
    const router = createCommandRouter(buildUnitDeps(), SUBCOMMANDS);
    const { events, replies } = await invoke(router, 'escalate INC-1');
    expect(events).toEqual(['ack', 'respond']);
    expect(replies[0]?.text).toContain('`/incident` has no subcommand `escalate`');
    expect(replies[0]?.text).toContain('`/incident resolve [id] [summary]`');
  });

  it("answers bad arguments with that subcommand's usage line and the specific problem", async () => {
    const router = createCommandRouter(buildUnitDeps(), SUBCOMMANDS);
    const { replies } = await invoke(router, 'impact INC-1 9');
    expect(replies[0]?.text).toBe(
      '`9` is not an impact.\nUsage: `/incident impact [id] <1-5>` — impact must be 1 (Critical), 2 (High), 3 (Medium), 4 (Low), 5 (No impact)',
    );
  });

  it('tells the person the safe words of an expected (coded) failure', async () => {
    const error = new BotError('SLACK.EXPIRED_TRIGGER_ID', 'Slack refused views.open: expired_trigger_id.');
    const router = createCommandRouter(buildUnitDeps(), [failing(error) as AnySubcommand]);
    const { replies } = await invoke(router, 'boom');
    expect(replies[0]?.text).toBe('Slack refused views.open: expired_trigger_id. Try the command again.');
  });

  it('answers an unexpected failure with a reference id and passes it on to app.error with that id', async () => {
    const router = createCommandRouter(buildUnitDeps(), [
      failing(new TypeError('x is undefined')) as AnySubcommand,
    ]);
    const { replies, thrown } = await invoke(router, 'boom');
    expect(thrown).toBeInstanceOf(BotError);
    const reference = /reference ([0-9a-f]{8})/.exec(String((thrown as Error).message))?.[1];
    expect(reference).toBeDefined();
    expect(replies[0]?.text).toContain(`reference \`${reference}\``);
    expect((thrown as Error).cause).toBeInstanceOf(TypeError);
  });

  it('logs a warning, and throws nothing on, when the response_url refuses the answer', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({
      level: 'warn',
      destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    const router = createCommandRouter({ ...buildUnitDeps(), logger }, SUBCOMMANDS);
    const refused = async () => {
      throw new Error('Failed to respond to the response_url: 404 Not Found');
    };
    for (const text of ['list', 'escalate', 'impact INC-1 9']) {
      const { thrown } = await invoke((args) => router({ ...args, respond: refused }), text);
      expect(thrown).toBeUndefined();
    }
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual(
      Array(3).fill([40, 'could not answer /incident: its response_url refused the reply']),
    );
  });
});
