import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIncidentCommand } from '../commands/slash-command-client.ts';
import { cardThread } from '../support/rds-incidents.ts';
import { signedOrdersDbScenario } from '../support/sns-scenarios.ts';
import { type Harness, startHarness } from '../support/warroom-harness.ts';

const BIG = 'error/postgresql.log.2026-11-22-09';
const LINES = 200_000;
const line = (index: number) =>
  `2026-11-22 09:${String(Math.floor(index / 4000) % 60).padStart(2, '0')}:00 UTC:10.0.0.7(5432):app@orders:[${1000 + (index % 97)}]:LOG:  duration: ${index % 5000} ms  statement: SELECT 1 -- row ${index}`;

let harness: Harness;
const bigFile = () => harness.aws.state.rds.logFiles.get('orders-db', BIG);

beforeAll(async () => {
  harness = await startHarness();
  const rds = harness.aws.state.rds;
  rds.addInstance({ id: 'orders-db' });
  const hour = (h: number) => new Date(Date.UTC(2026, 10, 22, h));
  // 120 older files, so DescribeDBLogFiles takes two pages (100 each) before the newest is known.
  for (let i = 0; i < 120; i++)
    rds.addLogFile('orders-db', `error/postgresql.log.2026-11-1${i % 10}-${i}`, {
      content: `old ${i}\n`,
      lastWritten: new Date(hour(0).getTime() - (i + 1) * 3_600_000),
    });
  rds.addLogFile('orders-db', 'error/postgresql.log.2026-11-22-08', {
    content: Array.from({ length: 30 }, (_, i) => `eight ${i}`).join('\n'),
    lastWritten: hour(8),
  });
  // About 25 MB, made line by line on demand: the emulator never holds it.
  rds.addLogFile('orders-db', BIG, { lines: LINES, generator: line, lastWritten: hour(9) });
  rds.addLogFile('orders-db', 'error/huge.log', {
    lines: 3,
    generator: (i) => (i === 1 ? 'z'.repeat(2_500_000) : `huge ${i}`),
    lastWritten: hour(1),
  });
  const [alarm] = signedOrdersDbScenario(new Date());
  expect((await harness.postSns(alarm!.body)).status).toBe(200);
  await harness.warroom.settled();
});

afterAll(async () => {
  await harness.stop();
});

describe('/incident rds logs', () => {
  it('posts the last 50 lines of the newest 20 MB log in the card thread, reading only its tail', async () => {
    expect(bigFile()?.size).toBeGreaterThan(20 * 1024 * 1024);
    const { reply } = await runIncidentCommand(harness, 'rds 1 logs');
    expect(reply.text).toMatch(
      new RegExp(
        `^Posted the last 50 lines of \`${BIG}\` \\(2\\d\\.\\d MB\\) from \`orders-db\` in <https?://[^|]+\\|the thread of INC-1's card>\\.$`,
      ),
    );
    const snippet = (await cardThread(harness, 1)).find((message) => message.text.includes('```'));
    const body = /```\n([\s\S]*)\n```/.exec(snippet?.text ?? '')?.[1]?.split('\n') ?? [];
    expect(body).toEqual(Array.from({ length: 50 }, (_, i) => line(LINES - 50 + i)));
    expect(snippet?.text).toContain('asked for by <@U0ALICE>');
    // Both pages of files were read; the log itself only from its end, never from Marker 0.
    expect(harness.aws.requestsTo('rds', 'DescribeDBLogFiles')).toHaveLength(2);
    expect(harness.aws.requestsTo('rds', 'DownloadDBLogFilePortion').map((call) => call.input)).toEqual([
      { DBInstanceIdentifier: 'orders-db', LogFileName: BIG, NumberOfLines: 50 },
    ]);
    expect(bigFile()?.bytesServed).toBeLessThan(10_000);
  });

  it('reads a named file and a line count', async () => {
    const { reply } = await runIncidentCommand(
      harness,
      'rds inc-1 logs error/postgresql.log.2026-11-22-08 5',
    );
    expect(reply.text).toContain('Posted the last 5 lines of `error/postgresql.log.2026-11-22-08`');
    const snippet = (await cardThread(harness, 1)).at(-1);
    expect(snippet?.text).toContain('```\neight 25\neight 26\neight 27\neight 28\neight 29\n```');
  });

  it('follows the Marker when RDS cuts a portion at 1 MB, keeping only the last lines', async () => {
    const before = harness.aws.requestsTo('rds', 'DownloadDBLogFilePortion').length;
    const { reply } = await runIncidentCommand(harness, 'rds 1 logs error/huge.log 3');
    expect(reply.text).toContain('Posted the last 3 lines of `error/huge.log`');
    const calls = harness.aws.requestsTo('rds', 'DownloadDBLogFilePortion').slice(before);
    expect(calls.map((call) => (call.input as { Marker?: string }).Marker)).toEqual([
      undefined,
      '0:1',
      '0:2',
    ]);
    const text = (await cardThread(harness, 1)).at(-1)?.text ?? '';
    expect(text).toMatch(/```\nhuge 0\nz{900,2000}…\nhuge 2\n```/);
  });

  it('posts once when Slack delivers the same command twice (same trigger_id)', async () => {
    const before = (await cardThread(harness, 1)).length;
    const first = await runIncidentCommand(harness, 'rds 1 logs 2', { triggerId: 'trigger-logs-twice' });
    const again = await runIncidentCommand(harness, 'rds 1 logs 2', { triggerId: 'trigger-logs-twice' });
    expect(first.reply.text).toContain('Posted the last 2 lines');
    expect(again.reply.text).toBe("That request was already answered; the lines are in the card's thread.");
    expect((await cardThread(harness, 1)).length).toBe(before + 1);
  });

  it('names the newest files when the named one does not exist', async () => {
    const { reply } = await runIncidentCommand(harness, 'rds 1 logs nope.log');
    expect(reply.text).toBe(
      `DB instance \`orders-db\` has no log file \`nope.log\`. The newest:\n• \`${BIG}\`\n• \`error/postgresql.log.2026-11-22-08\`\n• \`error/huge.log\`\n• \`error/postgresql.log.2026-11-10-0\`\n• \`error/postgresql.log.2026-11-11-1\``,
    );
  });
});
