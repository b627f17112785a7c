import { describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import {
  buildRouteAnswerText,
  type ResourceTags,
  type Route,
  RouteInquiry,
  SignalRouter,
} from '../../src/routes/index.ts';
import type { Resource } from '../../src/signals/index.ts';

const ALERTS = 'C0ALERTS';
const DB_ARN = 'arn:aws:rds:us-east-1:123456789012:db:orders-db';

const ROUTES: Route[] = [
  {
    name: 'failovers',
    when: { signal: ['rds-event:failover'], impactAtMost: 2 },
    channel: 'C0DBA',
    policy: 'dba',
  },
  {
    name: 'payments',
    when: { tags: { team: ['payments'] } },
    channel: 'C0PAYMENTS',
    policy: 'payments',
    team: 'payments',
  },
];

interface Setup {
  routes?: Route[];
  tags?: (resource: Resource) => ResourceTags;
  describeInstance?: (id: string) => Promise<{ arn?: string }>;
}

/** An inquiry over a real SignalRouter whose tag reader is in memory and records what it was asked. */
function inquiryWith(setup: Setup = {}) {
  const read: Resource[] = [];
  const router = new SignalRouter({
    routes: setup.routes ?? ROUTES,
    alertChannel: ALERTS,
    lookupAccount: () => undefined,
    readTags: async (resource) => {
      read.push(resource);
      return setup.tags?.(resource) ?? { state: 'read', tags: { team: 'payments', env: 'prod' } };
    },
    logger: createLogger({ level: 'silent' }),
  });
  const inquiry = new RouteInquiry({
    router,
    signalRules: [],
    region: 'us-east-1',
    describeInstance: setup.describeInstance ?? (async () => ({ arn: DB_ARN })),
  });
  const ask = async (question: Parameters<RouteInquiry['ask']>[0]) =>
    buildRouteAnswerText(await inquiry.ask(question));
  return { inquiry, ask, read };
}

describe('/incident route answers', () => {
  it('routes a bare name as a DB instance in warroom’s Region, reads its tags and says what it assumed', async () => {
    const { ask, read } = inquiryWith();
    const text = await ask({ subject: { named: 'name', id: 'orders-db' } });
    expect(read).toEqual([
      { kind: 'rds-instance', id: 'orders-db', arn: DB_ARN, region: 'us-east-1', accountId: '123456789012' },
    ]);
    expect(text.split('\n')).toEqual([
      "Assumed: `orders-db` is an RDS DB instance in warroom's account and Region (us-east-1, account 123456789012); give an ARN for anything else · signal `cloudwatch-alarm:ALARM`, the default (`signal=<type>` for another) · impact 3, what the signal policy gives `cloudwatch-alarm:ALARM` (`impact=<1-5>` for another)",
      '`orders-db` (rds-instance) · 123456789012 · us-east-1 · signal `cloudwatch-alarm:ALARM` · impact 3 · tags `team=payments`, `env=prod`',
      '→ `payments`: channel <#C0PAYMENTS>, policy `payments`, team `payments`',
      '  because tags team=payments',
      '  not `failovers`: signal cloudwatch-alarm:ALARM does not match rds-event:failover',
      `Tags read with ListTagsForResource on \`${DB_ARN}\`.`,
    ]);
  });

  it('takes the impact the signal policy gives a named signal, so a failover goes where intake would send it', async () => {
    const { ask } = inquiryWith();
    const text = await ask({ subject: { named: 'name', id: 'orders-db' }, signalType: 'rds-event:failover' });
    expect(text).toContain('impact 2, what the signal policy gives `rds-event:failover`');
    expect(text).toContain('→ `failovers`: channel <#C0DBA>, policy `dba`, no owning team');
    expect(text).toContain(
      'because signal rds-event:failover matches rds-event:failover; impact 2 is 2 or more severe',
    );
    // Given explicitly, the impact is the person's and no longer an assumption.
    const milder = await ask({
      subject: { named: 'name', id: 'orders-db' },
      signalType: 'rds-event:failover',
      impact: 4,
    });
    expect(milder).not.toContain('what the signal policy gives');
    expect(milder).toContain('not `failovers`: impact 4 is not 2 or more severe');
    expect(milder).toContain('→ `payments`');
  });

  it('asks nothing of RDS for an ARN and assumes no place', async () => {
    const { ask } = inquiryWith({
      describeInstance: async () => {
        throw new Error('an ARN needs no lookup');
      },
    });
    const arn = 'arn:aws:rds:eu-west-1:210987654321:cluster:ledger';
    const text = await ask({
      subject: {
        named: 'arn',
        resource: { kind: 'rds-cluster', id: 'ledger', arn, region: 'eu-west-1', accountId: '210987654321' },
      },
      signalType: 'rds-event:failure',
      impact: 2,
    });
    expect(text).not.toContain('Assumed');
    expect(text).toContain(
      '`ledger` (rds-cluster) · 210987654321 · eu-west-1 · signal `rds-event:failure` · impact 2',
    );
  });

  it('says which tag read failed and that the tag routes were passed over', async () => {
    const { ask } = inquiryWith({
      tags: () => ({
        state: 'failed',
        reason: "AccessDenied: warroom's role may not rds:ListTagsForResource",
      }),
    });
    const text = await ask({ subject: { named: 'name', id: 'orders-db' } });
    expect(text).toContain(`→ no route matches: the alert channel <#${ALERTS}>`);
    expect(text).toContain('not `payments`: it needs tags, which could not be read');
    expect(text).toContain(
      "Routes that need tags were passed over: AccessDenied: warroom's role may not rds:ListTagsForResource.",
    );
    expect(text).not.toContain('Tags read with');
  });

  it('reads no tags when no route has a tag condition, as intake reads none, and says so', async () => {
    const { ask, read } = inquiryWith({ routes: [ROUTES[0] as Route] });
    const text = await ask({ subject: { named: 'name', id: 'orders-db' } });
    expect(read).toEqual([]);
    expect(text).toContain('No route has a tag condition, so no tags were read (intake reads none either).');
  });

  it('escapes what AWS returns, so a tag cannot make a mention or a link', async () => {
    const { ask } = inquiryWith({ tags: () => ({ state: 'read', tags: { team: '<!channel>' } }) });
    const text = await ask({ subject: { named: 'name', id: 'orders-db' } });
    expect(text).toContain('`team=&lt;!channel&gt;`');
    expect(text).not.toContain('<!channel>');
  });

  it('notes a signal that opens no incident by itself', async () => {
    const { ask } = inquiryWith();
    const text = await ask({
      subject: { named: 'name', id: 'orders-db' },
      signalType: 'cloudwatch-alarm:OK',
    });
    expect(text).toContain('Note: `cloudwatch-alarm:OK` records a recovery; it opens no incident by itself.');
  });

  it('says where cards go when no routes are configured, without reading AWS', async () => {
    const { ask, read } = inquiryWith({
      routes: [],
      describeInstance: async () => {
        throw new Error('no routes: nothing to look up');
      },
    });
    const text = await ask({ subject: { named: 'name', id: 'orders-db' } });
    expect(read).toEqual([]);
    expect(text).toBe(
      'No routes are configured (`routes:` in warroom.yml), so every card goes to <#C0ALERTS> and `escalationRules` pick its policy. docs/routing.md says how to add routes.',
    );
  });

  it('says RDS has no such DB instance in warroom’s Region when a bare name is unknown', async () => {
    const { ask } = inquiryWith({
      describeInstance: async (id) => {
        throw new BotError('AWS.NOT_FOUND', `RDS has no DB instance ${id}.`);
      },
    });
    const text = await ask({ subject: { named: 'name', id: 'billing-db' } });
    expect(text).toBe(
      "RDS in us-east-1 (warroom's Region) has no DB instance `billing-db`. For a cluster, an alarm, or a database in another account or Region, give its ARN.",
    );
  });
});
