import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/incident.ts';
import { buildIncidentCard } from '../../src/incidents/incident-card.ts';
import { ACTION_IDS, BLOCK_IDS, CARD_METADATA_EVENT_TYPE } from '../../src/slack/ids.ts';

function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    seq: 42,
    groupKey: 'rds-instance:123456789012:us-east-1:orders-db',
    title: 'CPUUtilization > 80 on orders-db',
    impact: 2,
    impactSetBy: 'signal',
    status: 'open',
    source: 'cloudwatch-alarm',
    resource: { kind: 'rds-instance', id: 'orders-db', region: 'us-east-1', accountId: '123456789012' },
    accountId: '123456789012',
    region: 'us-east-1',
    openedAt: new Date('2026-11-22T09:00:00Z'),
    updatedAt: new Date('2026-11-22T09:05:00Z'),
    latestSignal: {
      signalType: 'rds-event:failover',
      title: 'Multi-AZ instance failover completed',
      detail: 'RDS-EVENT-0049 <script>',
      at: new Date('2026-11-22T09:04:00Z'),
      facts: [{ label: 'Event ID', value: 'RDS-EVENT-0049' }],
    },
    signalCount: 2,
    version: 2,
    ...overrides,
  };
}

type AnyBlock = {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<Record<string, unknown>>;
};

function block(card: ReturnType<typeof buildIncidentCard>, id: string): AnyBlock {
  const found = (card.blocks as AnyBlock[]).find((candidate) => candidate.block_id === id);
  if (!found) throw new Error(`no block ${id}`);
  return found;
}

describe('buildIncidentCard', () => {
  it('shows impact, status, resource, account and region, when and by what it opened, and the latest signal', () => {
    const card = buildIncidentCard(incident(), { defaultRegion: 'us-east-1' });
    expect(block(card, BLOCK_IDS.cardHeader).text?.text).toBe('🟠 INC-42 · CPUUtilization > 80 on orders-db');
    const fields = block(card, BLOCK_IDS.cardFields).fields?.map((field) => field.text) ?? [];
    expect(fields).toEqual([
      '*Impact*\n2 · High',
      '*Status*\nOpen',
      '*Resource*\norders-db (RDS instance)',
      '*Account*\n123456789012 (us-east-1)',
      '*Opened*\n<!date^1795338000^{date_short_pretty} {time}|2026-11-22T09:00:00.000Z> by a CloudWatch alarm',
    ]);
    const latest = block(card, BLOCK_IDS.cardLatestSignal).text?.text ?? '';
    expect(latest).toContain('*Multi-AZ instance failover completed*');
    expect(block(card, BLOCK_IDS.cardFacts).fields?.[0]?.text).toBe('*Event ID*\nRDS-EVENT-0049');
    const actions = block(card, BLOCK_IDS.cardActions).elements ?? [];
    expect(actions.map((element) => element.action_id)).toEqual([
      ACTION_IDS.acknowledge,
      ACTION_IDS.takeIncident,
      ACTION_IDS.impactSelect,
      ACTION_IDS.addNote,
      ACTION_IDS.postUpdate,
      ACTION_IDS.resolve,
      ACTION_IDS.openConsole,
      ACTION_IDS.databaseMenu,
    ]);
    expect(actions[0]?.value).toBe('{"seq":42,"v":2}');
    expect(card.text).toBe('INC-42 [2 · High] Open: CPUUtilization &gt; 80 on orders-db');
  });

  it('links the AWS console once: from its button, not from the resource nor a raw URL', () => {
    const card = buildIncidentCard(incident(), { defaultRegion: 'us-east-1' });
    const json = JSON.stringify(card.blocks);
    expect(json.match(/console\.aws\.amazon\.com/g)).toHaveLength(1);
    const button = (block(card, BLOCK_IDS.cardActions).elements ?? []).find(
      (element) => element.action_id === ACTION_IDS.openConsole,
    );
    expect(button?.url).toBe(
      'https://us-east-1.console.aws.amazon.com/rds/home?region=us-east-1#database:id=orders-db;is-cluster=false',
    );
  });

  it('shows each field once: a signal fact named like a card field is left to the card field', () => {
    const card = buildIncidentCard(
      incident({
        latestSignal: {
          signalType: 'incident-manager:open',
          title: 'Orders checkout failing',
          detail: '',
          at: new Date('2026-11-22T09:04:00Z'),
          facts: [
            { label: 'Status', value: 'OPEN' },
            { label: 'Impact', value: '2 (High)' },
            { label: 'Resource', value: 'arn:aws:rds:us-east-1:123456789012:db:orders-db' },
            { label: 'Source', value: 'aws.cloudwatch' },
            { label: 'Created by', value: '' },
          ],
        },
      }),
      { defaultRegion: 'us-east-1' },
    );
    const labels = [
      ...(block(card, BLOCK_IDS.cardFields).fields ?? []),
      ...(block(card, BLOCK_IDS.cardFacts).fields ?? []),
    ].map((field) => /^\*([^*]+)\*/.exec(field.text)?.[1]);
    expect(labels).toEqual(['Impact', 'Status', 'Resource', 'Account', 'Opened', 'Source']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('carries metadata naming its incident so a card posted before a crash can be found', () => {
    const card = buildIncidentCard(incident(), { defaultRegion: 'us-east-1' });
    expect(card.metadata).toEqual({
      event_type: CARD_METADATA_EVENT_TYPE,
      event_payload: { incident_id: 'INC-42', incident_seq: 42, version: 2 },
    });
  });

  it('labels an unrecognised message clearly and shows it raw, escaped', () => {
    const card = buildIncidentCard(
      incident({ source: 'unknown', resource: undefined, raw: '{"weird": "<@U123> & ```"}' }),
      { defaultRegion: 'us-east-1' },
    );
    const raw = block(card, BLOCK_IDS.cardRaw).text?.text ?? '';
    expect(raw).toContain('Unrecognised message, shown raw');
    expect(raw).toContain('&lt;@U123&gt; &amp;');
    expect(raw).not.toContain('<@U123>');
    expect(block(card, BLOCK_IDS.cardFields).fields?.[3]?.text).toMatch(/by an unrecognised SNS message$/);
  });

  it('notes a recovery while the incident stays open', () => {
    const card = buildIncidentCard(incident({ recoveredAt: new Date('2026-11-22T09:10:00Z') }), {
      defaultRegion: 'us-east-1',
    });
    expect(block(card, BLOCK_IDS.cardRecovered).elements?.[0]?.text).toContain(
      'stays open until someone resolves it',
    );
  });

  it('links Incident Manager when the incident lives there', () => {
    const arn = 'arn:aws:ssm-incidents::123456789012:incident-record/db/abc';
    const card = buildIncidentCard(incident({ incidentManagerArn: arn }), { defaultRegion: 'eu-west-1' });
    const links = (block(card, BLOCK_IDS.cardActions).elements ?? []).filter((element) => 'url' in element);
    expect(links.map((element) => element.action_id)).toEqual([
      ACTION_IDS.openConsole,
      ACTION_IDS.openIncidentManager,
    ]);
  });

  it('keeps every text inside Slack limits however long the input', () => {
    const long = 'x'.repeat(10_000);
    const card = buildIncidentCard(
      incident({
        title: long,
        raw: long,
        latestSignal: {
          signalType: 's',
          title: long,
          detail: long,
          at: new Date(),
          facts: Array(15).fill({ label: long, value: 'y'.repeat(10_000) }),
        },
      }),
      { defaultRegion: 'us-east-1' },
    );
    expect(block(card, BLOCK_IDS.cardHeader).text?.text.length).toBeLessThanOrEqual(150);
    expect(block(card, BLOCK_IDS.cardLatestSignal).text?.text.length).toBeLessThanOrEqual(3000);
    expect(block(card, BLOCK_IDS.cardFacts).fields).toHaveLength(10);
    for (const field of block(card, BLOCK_IDS.cardFacts).fields ?? [])
      expect(field.text.length).toBeLessThanOrEqual(2000);
    expect(block(card, BLOCK_IDS.cardRaw).text?.text.length).toBeLessThanOrEqual(3000);
  });

  it('shows only the buttons that apply to the status', () => {
    const ids = (overrides: Partial<Incident>) =>
      (
        block(buildIncidentCard(incident(overrides), { defaultRegion: 'us-east-1' }), BLOCK_IDS.cardActions)
          .elements ?? []
      ).map((element) => element.action_id);
    const acknowledged = ids({ status: 'acknowledged', acknowledgedBy: 'U0ALICE' });
    expect(acknowledged).not.toContain(ACTION_IDS.acknowledge);
    expect(acknowledged).toContain(ACTION_IDS.resolve);
    // A resolved card reads as finished: Reopen and the review, not even the console link; once the
    // review is complete, Reopen alone.
    expect(ids({ status: 'resolved', resolvedBy: 'U0BOB' })).toEqual([ACTION_IDS.reopen, ACTION_IDS.review]);
    const complete = { kind: 'canvas' as const, url: 'https://x.slack.com/docs/T/F1', completedBy: 'U0BOB' };
    expect(ids({ status: 'resolved', resolvedBy: 'U0BOB', review: complete })).toEqual([ACTION_IDS.reopen]);
  });

  it('offers the Database menu (status, check, logs, snapshot) on an RDS card until resolved', () => {
    const actions = (overrides: Partial<Incident>) =>
      block(buildIncidentCard(incident(overrides), { defaultRegion: 'us-east-1' }), BLOCK_IDS.cardActions)
        .elements ?? [];
    const menu = actions({}).find((element) => element.action_id === ACTION_IDS.databaseMenu);
    expect(menu?.type).toBe('overflow');
    // An overflow takes 2 to 5 options, and a confirm dialog only for all of them: none here.
    expect(menu?.confirm).toBeUndefined();
    const options = menu?.options as Array<{ text: { text: string }; value: string }>;
    expect(options.map((option) => option.text.text)).toEqual([
      'Database status',
      'Database check (✓/✗)',
      'Database logs (last 50 lines)',
      'Take a snapshot…',
    ]);
    expect(options.map((option) => JSON.parse(option.value))).toEqual(
      ['status', 'check', 'logs', 'snapshot'].map((choice) => ({ seq: 42, v: 2, do: choice })),
    );
    for (const option of options) expect(option.value.length).toBeLessThanOrEqual(150);
    const cluster = { kind: 'rds-cluster' as const, id: 'orders', region: 'us-east-1', accountId: '1' };
    expect(actions({ resource: cluster }).map((element) => element.action_id)).toContain(
      ACTION_IDS.databaseMenu,
    );
    const snapshot = {
      kind: 'rds-snapshot' as const,
      id: 'orders-export',
      region: 'us-east-1',
      accountId: '1',
    };
    const onSnapshot = actions({ resource: snapshot });
    expect(onSnapshot.map((element) => element.action_id)).not.toContain(ACTION_IDS.databaseMenu);
    expect(onSnapshot.find((element) => element.action_id === ACTION_IDS.checkDatabase)?.text).toEqual({
      type: 'plain_text',
      text: 'Check snapshot',
    });
    const ids = (overrides: Partial<Incident>) => actions(overrides).map((element) => element.action_id);
    expect(ids({ resource: undefined })).not.toContain(ACTION_IDS.databaseMenu);
    expect(ids({ status: 'resolved', resolvedBy: 'U0BOB' })).not.toContain(ACTION_IDS.databaseMenu);
    expect(ids({ status: 'acknowledged', acknowledgedBy: 'U0ALICE' })).toContain(ACTION_IDS.databaseMenu);
  });

  it('names who acknowledged or resolved, and shows the resolution summary', () => {
    const acked = buildIncidentCard(incident({ status: 'acknowledged', acknowledgedBy: 'U0ALICE' }), {
      defaultRegion: 'us-east-1',
    });
    expect(block(acked, BLOCK_IDS.cardFields).fields?.[1]?.text).toBe('*Status*\nAcknowledged by <@U0ALICE>');
    const resolved = buildIncidentCard(
      incident({ status: 'resolved', resolvedBy: 'U0BOB', summary: 'replica <promoted>' }),
      {
        defaultRegion: 'us-east-1',
      },
    );
    expect(block(resolved, BLOCK_IDS.cardFields).fields?.[1]?.text).toBe('*Status*\n✅ Resolved by <@U0BOB>');
    expect(block(resolved, BLOCK_IDS.cardSummary).text?.text).toBe(
      '*✅ Resolved* by <@U0BOB>\nreplica &lt;promoted&gt;',
    );
  });

  it('pre-selects the current impact in the impact menu', () => {
    const card = buildIncidentCard(incident({ impact: 4 }), { defaultRegion: 'us-east-1' });
    const select = (block(card, BLOCK_IDS.cardActions).elements ?? []).find(
      (element) => element.action_id === ACTION_IDS.impactSelect,
    );
    expect(select?.initial_option).toEqual({ text: { type: 'plain_text', text: '4 · Low' }, value: '4' });
    expect(select?.options).toHaveLength(5);
  });

  it('names the owner when someone took the incident after another person acknowledged it', () => {
    const taken = buildIncidentCard(
      incident({ status: 'acknowledged', acknowledgedBy: 'U0ALICE', owner: 'U0BOB' }),
      { defaultRegion: 'us-east-1' },
    );
    expect(block(taken, BLOCK_IDS.cardFields).fields?.[1]?.text).toBe(
      '*Status*\nAcknowledged by <@U0ALICE> · owner <@U0BOB>',
    );
    const same = buildIncidentCard(
      incident({ status: 'acknowledged', acknowledgedBy: 'U0ALICE', owner: 'U0ALICE' }),
      {
        defaultRegion: 'us-east-1',
      },
    );
    expect(block(same, BLOCK_IDS.cardFields).fields?.[1]?.text).toBe(
      '*Status*\nAcknowledged and owned by <@U0ALICE>',
    );
  });

  it('leaves out what a declared incident lacks, and names who declared it with a real mention', () => {
    const card = buildIncidentCard(
      incident({
        source: 'declared',
        declaredBy: 'U0ALICE',
        resource: undefined,
        accountId: undefined,
        region: undefined,
        signalCount: 0,
        latestSignal: {
          signalType: 'declared',
          title: 'Declared by <@U0ALICE>',
          detail: '',
          at: new Date('2026-11-22T09:00:00Z'),
          facts: [],
        },
      }),
      { defaultRegion: 'us-east-1' },
    );
    const fields = block(card, BLOCK_IDS.cardFields).fields?.map((field) => field.text) ?? [];
    expect(fields).toEqual([
      '*Impact*\n2 · High',
      '*Status*\nOpen',
      '*Opened*\n<!date^1795338000^{date_short_pretty} {time}|2026-11-22T09:00:00.000Z> by <@U0ALICE>',
    ]);
    const json = JSON.stringify(card.blocks);
    expect(json).not.toContain('—');
    expect(json).not.toContain('&lt;@U0ALICE&gt;');
    expect(json).not.toContain(BLOCK_IDS.cardLatestSignal);
    expect(json).toContain('no AWS signal yet · last');
  });

  it('does not repeat the signal’s detail as a fact (an alarm without a description shows its reason)', () => {
    const reason =
      'Threshold Crossed: 1 datapoint [91 % (22/11/26 09:03:00)] was greater than the threshold (80 %)';
    const card = buildIncidentCard(
      incident({
        latestSignal: {
          signalType: 'cloudwatch-alarm:ALARM',
          title: 'CPUUtilization > 80 % on orders-db',
          detail: reason,
          at: new Date('2026-11-22T09:04:00Z'),
          facts: [
            { label: 'Alarm', value: 'orders-db-cpu' },
            { label: 'Reason', value: reason },
          ],
        },
      }),
      { defaultRegion: 'us-east-1' },
    );
    expect(JSON.stringify(card.blocks).match(/Threshold Crossed/g)).toHaveLength(1);
    expect(block(card, BLOCK_IDS.cardFacts).fields?.map((field) => field.text)).toEqual([
      '*Alarm*\norders-db-cpu',
    ]);
  });

  it('says the region alone when the account is not known', () => {
    const card = buildIncidentCard(incident({ accountId: undefined }), { defaultRegion: 'us-east-1' });
    expect(block(card, BLOCK_IDS.cardFields).fields?.map((field) => field.text)).toContain(
      '*Region*\nus-east-1',
    );
  });

  describe('signals', () => {
    const at = (minute: number) => new Date(`2026-11-22T09:${String(minute).padStart(2, '0')}:00Z`);
    const forecast = {
      signalType: 'chatbot:custom',
      title: 'payments-aurora volume full in ~6 h',
      detail: 'The volume grew 150 GiB in the last hour.',
      at: at(1),
      facts: [],
      impact: 2 as const,
      key: 'chatbot-thread:capacity',
    };
    const lowStorage = {
      signalType: 'rds-event:low-storage',
      title:
        "payments-aurora: Your Aurora cluster's storage is dangerously low with only 0.8 terabytes remaining. Please take measures to…",
      detail:
        "Your Aurora cluster's storage is dangerously low with only 0.8 terabytes remaining. Please take measures to reduce the storage load on your cluster.",
      at: at(5),
      facts: [{ label: 'Event', value: 'RDS-EVENT-0227 (low storage)' }],
      impact: 2 as const,
      key: 'rds-event:low-storage@payments-aurora',
    };

    it('shows the most severe open signal above the latest when they differ, and where to read them all', () => {
      const card = buildIncidentCard(
        incident({
          title: 'AuroraVolumeBytesLeftTotal < 1 TiB on payments-aurora',
          latestSignal: lowStorage,
          openSignals: [
            {
              ...forecast,
              signalType: 'cloudwatch-alarm:ALARM',
              title: 'AuroraVolumeBytesLeftTotal < 1 TiB on payments-aurora',
              impact: 3,
              key: 'alarm:a',
            },
            forecast,
            lowStorage,
          ],
          signalCount: 3,
        }),
        { defaultRegion: 'us-east-1' },
      );
      const ids = (card.blocks as AnyBlock[]).map((candidate) => candidate.block_id);
      expect(ids.indexOf(BLOCK_IDS.cardSevereSignal)).toBeLessThan(ids.indexOf(BLOCK_IDS.cardLatestSignal));
      expect(ids.indexOf(BLOCK_IDS.cardLatestSignal)).toBeLessThan(ids.indexOf(BLOCK_IDS.cardFacts));
      const severe = block(card, BLOCK_IDS.cardSevereSignal).text?.text ?? '';
      expect(severe).toMatch(/^\*Most severe open signal\* \(impact 2 · High\) · <!date\^/);
      expect(severe).toContain(
        '*payments-aurora volume full in ~6 h*\nThe volume grew 150 GiB in the last hour.',
      );
      expect(block(card, BLOCK_IDS.cardFooter).elements?.[0]?.text).toMatch(
        /^3 signals, all in `\/incident timeline INC-42` · last /,
      );
    });

    it('says the latest signal’s headline once when AWS repeats it in the detail', () => {
      const card = buildIncidentCard(incident({ latestSignal: lowStorage, openSignals: [lowStorage] }), {
        defaultRegion: 'us-east-1',
      });
      const latest = block(card, BLOCK_IDS.cardLatestSignal).text?.text ?? '';
      expect(latest.split('\n').slice(1)).toEqual([
        "*payments-aurora:* Your Aurora cluster's storage is dangerously low with only 0.8 terabytes remaining. Please take measures to reduce the storage load on your cluster.",
      ]);
      expect(latest.match(/dangerously low/g)).toHaveLength(1);
      expect(JSON.stringify(card.blocks)).not.toContain(BLOCK_IDS.cardSevereSignal);
    });

    it('says the latest signal is also the most severe when it outranks the one the title names', () => {
      const opener = {
        ...forecast,
        title: 'CPUUtilization > 80 on orders-db',
        impact: 3 as const,
        key: 'alarm:cpu',
      };
      const card = buildIncidentCard(
        incident({ latestSignal: lowStorage, openSignals: [opener, lowStorage], signalCount: 2 }),
        { defaultRegion: 'us-east-1' },
      );
      expect(block(card, BLOCK_IDS.cardLatestSignal).text?.text).toMatch(
        /^\*Latest signal\* \(the most severe open\) · <!date/,
      );
      expect(JSON.stringify(card.blocks)).not.toContain(BLOCK_IDS.cardSevereSignal);
    });

    it('does not repeat the header: a signal named like the incident shows only its detail', () => {
      const only = {
        ...forecast,
        title: 'CPUUtilization > 80 on orders-db',
        detail: 'CPU above 80 % for 5 minutes',
        impact: 3 as const,
      };
      const card = buildIncidentCard(incident({ latestSignal: only, openSignals: [only], signalCount: 1 }), {
        defaultRegion: 'us-east-1',
      });
      const latest = block(card, BLOCK_IDS.cardLatestSignal).text?.text ?? '';
      expect(latest).not.toContain('CPUUtilization');
      expect(latest).toMatch(/\nCPU above 80 % for 5 minutes$/);
      expect(block(card, BLOCK_IDS.cardFooter).elements?.[0]?.text).toMatch(/^1 signal · last /);
    });
  });
});
