import { describe, expect, it } from 'vitest';
import { matchRoute, type Route, type RouteFacts } from '../../src/routes/index.ts';

const ALERTS = 'C0ALERTS';

const routes: Route[] = [
  {
    name: 'payments-prod',
    when: { tags: { team: ['payments'] }, stage: ['prod'] },
    channel: 'C0PAYMENTS',
    policy: 'payments',
    team: 'payments',
  },
  { name: 'search', when: { account: ['staging-search'] }, channel: 'C0SEARCH', team: 'search' },
  { name: 'failovers', when: { signal: ['rds-event:failover'], impactAtMost: 2 }, policy: 'dba' },
];

const facts = (over: Partial<RouteFacts> = {}): RouteFacts => ({
  accountId: '123456789012',
  accountName: 'prod-payments',
  stage: 'prod',
  region: 'us-east-1',
  resourceKind: 'rds-instance',
  resourceName: 'orders-db',
  signalTypes: ['cloudwatch-alarm:ALARM'],
  impact: 3,
  tags: { state: 'read', tags: { team: 'payments' } },
  ...over,
});

describe('matchRoute', () => {
  it("sends a signal to the first route whose conditions all hold, with that route's channel, policy and team", () => {
    const decision = matchRoute(routes, facts(), ALERTS);
    expect(decision).toMatchObject({ channel: 'C0PAYMENTS', policy: 'payments', team: 'payments' });
    expect(decision.route?.name).toBe('payments-prod');
    expect(decision.steps).toEqual([
      { route: 'payments-prod', outcome: 'matched', because: ['stage prod is prod', 'tags team=payments'] },
    ]);
  });

  it('matches an account by its name or its id, and says which condition missed on the way', () => {
    const byName = matchRoute(
      routes,
      facts({
        accountId: '210987654321',
        accountName: 'staging-search',
        stage: 'staging',
        tags: { state: 'read', tags: {} },
      }),
      ALERTS,
    );
    expect(byName).toMatchObject({ channel: 'C0SEARCH', team: 'search' });
    expect(byName.policy).toBeUndefined();
    expect(byName.steps[0]).toEqual({
      route: 'payments-prod',
      outcome: 'missed',
      because: ['stage staging is not prod'],
    });
    const byId = matchRoute(
      [{ name: 'id', when: { account: ['210987654321'] }, channel: 'C0ID' }],
      facts({ accountId: '210987654321', accountName: undefined }),
      ALERTS,
    );
    expect(byId.channel).toBe('C0ID');
    expect(byId.steps[0]?.because).toEqual(['account 210987654321 is 210987654321']);
  });

  it('sends an unmatched signal to the alert channel, leaving the policy to escalationRules', () => {
    const decision = matchRoute(
      routes,
      facts({ accountName: 'other', stage: 'dev', tags: { state: 'read', tags: { team: 'web' } } }),
      ALERTS,
    );
    expect(decision.route).toBeUndefined();
    expect(decision.channel).toBe(ALERTS);
    expect(decision.policy).toBeUndefined();
    expect(decision.steps.map((step) => step.because[0])).toEqual([
      'stage dev is not prod',
      'account other (123456789012) is not staging-search',
      'signal cloudwatch-alarm:ALARM does not match rds-event:failover',
    ]);
  });

  it('matches any of the signal types a message carries, and impact at most means as severe or more', () => {
    const failover = facts({
      tags: { state: 'none' },
      signalTypes: ['rds-event:availability', 'rds-event:failover'],
      impact: 2,
    });
    expect(matchRoute(routes, failover, ALERTS).policy).toBe('dba');
    expect(matchRoute(routes, { ...failover, impact: 3 }, ALERTS).steps.at(-1)?.because).toEqual([
      'impact 3 is not 2 or more severe',
    ]);
  });

  it('passes over routes that need tags when the tag read failed, and says why so the card can', () => {
    const decision = matchRoute(
      routes,
      facts({ tags: { state: 'failed', reason: 'AccessDenied on rds:ListTagsForResource' } }),
      ALERTS,
    );
    expect(decision.route).toBeUndefined();
    expect(decision.channel).toBe(ALERTS);
    expect(decision.tagsUnavailable).toBe('AccessDenied on rds:ListTagsForResource');
    expect(decision.steps[0]).toEqual({
      route: 'payments-prod',
      outcome: 'needs-tags',
      because: ['it needs tags, which could not be read'],
    });
  });

  it('does not flag a failed tag read when no route needed tags', () => {
    const decision = matchRoute(
      routes.slice(1),
      facts({ accountName: 'staging-search', tags: { state: 'failed', reason: 'x' } }),
      ALERTS,
    );
    expect(decision.tagsUnavailable).toBeUndefined();
    expect(decision.team).toBe('search');
  });

  it('globs resource names, takes `*` as any tag value, and a missing tag as a miss', () => {
    const named: Route[] = [
      { name: 'orders', when: { resource: ['orders-*'], tags: { owner: ['*'] } }, channel: 'C0ORDERS' },
    ];
    expect(
      matchRoute(named, facts({ tags: { state: 'read', tags: { owner: 'ann' } } }), ALERTS).channel,
    ).toBe('C0ORDERS');
    expect(matchRoute(named, facts({ resourceName: 'search-db' }), ALERTS).steps[0]?.because).toEqual([
      'resource search-db does not match orders-*',
    ]);
    expect(matchRoute(named, facts(), ALERTS).steps[0]?.because).toEqual(['tag owner is not set, not *']);
  });

  it('lets a route without conditions take every signal', () => {
    const decision = matchRoute([{ name: 'all', when: {}, channel: 'C0ALL' }], facts(), ALERTS);
    expect(decision.steps[0]?.because).toEqual(['it matches every signal']);
    expect(decision.channel).toBe('C0ALL');
  });
});
