import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseNotification } from '../../handlers/notifications/index.ts';
import type { FileConfig } from '../../src/config/file-schema.ts';
import { fileSchema } from '../../src/config/file-schema.ts';
import { checkRouteOffline, readCapturedNotification } from '../../src/routes/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/payloads/${name}`, import.meta.url), 'utf8');

const file: FileConfig = fileSchema.parse({
  slack: { alertChannel: 'C0ALERTS' },
  escalation: { payments: [{ after: '0s', notify: ['U0BOB'] }] },
  routes: [
    {
      name: 'payments',
      when: { tags: { team: 'payments' } },
      channel: 'C0PAYMENTS',
      policy: 'payments',
      team: 'payments',
    },
    {
      name: 'prod-east',
      when: { account: 'prod-shop', region: 'us-east-1', signal: 'rds-event:*' },
      channel: 'C0EAST',
    },
  ],
});

const check = (text: string, extra: { tags?: Record<string, string> } = {}) =>
  checkRouteOffline(text, {
    file,
    lookupAccount: (id) => (id === '111122223333' ? { name: 'prod-shop', stage: 'prod' } : undefined),
    parse: parseNotification,
    logger: pino({ level: 'silent' }),
    ...extra,
  });

describe('routes:check', () => {
  it('routes a captured SNS envelope by the tags given, naming the route, channel, policy and team', async () => {
    const lines = await check(fixture('cloudwatch-alarm-rds.json'), { tags: { team: 'payments' } });
    expect(lines[1]).toBe(
      'prod-orders-db-1 (rds-instance) · prod-shop (111122223333) · stage prod · us-east-1 · signal cloudwatch-alarm:ALARM · impact 3 · tags team=payments',
    );
    expect(lines.slice(2)).toEqual([
      '→ payments: channel C0PAYMENTS, policy payments, team payments',
      '  because tags team=payments',
    ]);
  });

  it('routes a bare message by account name and signal, and says that tag routes were passed over without tags', async () => {
    const lines = await check(fixture('rds-event.message.json'));
    expect(lines).toContain('→ prod-east: channel C0EAST, the policy escalationRules pick, no owning team');
    expect(lines).toContain(
      '  because account prod-shop (111122223333) is prod-shop; Region us-east-1 is us-east-1; signal rds-event:failover matches rds-event:*',
    );
    expect(lines).toContain('  not payments: it needs tags, which could not be read');
    expect(lines.at(-1)).toBe(
      'Routes that need tags were passed over: tags are not read offline (give them with --tag key=value).',
    );
  });

  it('sends what no route takes to the alert channel, and says when a signal opens nothing by itself', async () => {
    const ok = JSON.parse(fixture('cloudwatch-alarm-rds.message.json')) as Record<string, unknown>;
    const lines = await check(JSON.stringify({ ...ok, NewStateValue: 'OK', OldStateValue: 'ALARM' }), {
      tags: { team: 'search' },
    });
    expect(lines).toContain(
      '→ no route matches: the alert channel C0ALERTS, the policy escalationRules pick',
    );
    expect(lines.at(-1)).toBe(
      'Note: cloudwatch-alarm:OK records a recovery; it opens no incident by itself.',
    );
  });

  it('reads an envelope as the notification and anything else as the bare message', () => {
    const envelope = readCapturedNotification(fixture('cloudwatch-alarm-rds.json'));
    expect(envelope.topicArn).toBe('arn:aws:sns:us-east-1:111122223333:incident-alerts');
    expect(envelope.subject).toContain('ALARM');
    const bare = readCapturedNotification('database on fire');
    expect(bare).toMatchObject({ message: 'database on fire', messageId: 'routes-check' });
  });
});
