import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  findRdsEvent,
  parseRdsEventCatalog,
  RDS_EVENT_CATALOG,
  rdsEventCatalogDate,
} from '../../../handlers/notifications/rds-event-catalog.ts';

const SHIPPED = readFileSync(
  new URL('../../../handlers/notifications/rds-event-catalog.yml', import.meta.url),
  'utf8',
);

/** The shipped catalog with its events replaced, as YAML text. */
function catalogWith(events: unknown[]): string {
  const data = parse(SHIPPED) as Record<string, unknown>;
  return JSON.stringify({ ...data, events });
}

const ENTRY = { id: 'RDS-EVENT-0049', categories: ['failover'], sourceTypes: ['db-instance'], in: ['rds'] };

describe('the RDS event catalog data file', () => {
  it('loads, with every ID once and every ID under at least one category', () => {
    const ids = RDS_EVENT_CATALOG.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RDS_EVENT_CATALOG.events.every((event) => event.categories.length > 0)).toBe(true);
    // The raw YAML too: a duplicate must not hide behind parsing.
    const rawIds = [...SHIPPED.matchAll(/\bid: (RDS-EVENT-\d{4})\b/g)].map((m) => m[1]);
    expect(rawIds.length).toBe(ids.length);
    expect(new Set(rawIds).size).toBe(rawIds.length);
  });

  it('names the AWS pages it was read from and when', () => {
    expect(RDS_EVENT_CATALOG.sources['rds']).toMatchObject({
      url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html',
      taken: '2026-04-08',
    });
    expect(RDS_EVENT_CATALOG.sources['aurora']?.url).toBe(
      'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_Events.Messages.html',
    );
    expect(rdsEventCatalogDate()).toBe('2026-04-08');
  });

  it('refuses a catalog that lists an ID twice', () => {
    expect(() => parseRdsEventCatalog(catalogWith([ENTRY, { ...ENTRY, categories: ['failure'] }]))).toThrow(
      /events\.1\.id: RDS-EVENT-0049 is listed twice/,
    );
  });

  it('refuses an ID without a category', () => {
    expect(() => parseRdsEventCatalog(catalogWith([{ ...ENTRY, categories: [] }]))).toThrow(
      /events\.0\.categories: every event needs at least one category/,
    );
    const { categories: _dropped, ...noKey } = ENTRY;
    expect(() => parseRdsEventCatalog(catalogWith([noKey]))).toThrow(/events\.0\.categories/);
  });

  it('refuses malformed IDs, unknown source types and pages not under sources', () => {
    expect(() => parseRdsEventCatalog(catalogWith([{ ...ENTRY, id: 'RDS-EVENT-49' }]))).toThrow(
      /expected an ID such as RDS-EVENT-0049/,
    );
    expect(() => parseRdsEventCatalog(catalogWith([{ ...ENTRY, sourceTypes: ['db-table'] }]))).toThrow(
      /events\.0\.sourceTypes/,
    );
    expect(() => parseRdsEventCatalog(catalogWith([{ ...ENTRY, in: ['blog'] }]))).toThrow(
      /names "blog", which is not under sources/,
    );
    expect(() => parseRdsEventCatalog('events: [')).toThrow(/not valid YAML/);
  });

  it.each([
    ['RDS-EVENT-0049', ['failover'], ['db-instance']],
    ['RDS-EVENT-0282', ['failure'], ['db-instance']],
    ['RDS-EVENT-0278', ['failure'], ['db-instance']],
    ['RDS-EVENT-0195', ['maintenance', 'failure'], ['db-instance']],
    ['RDS-EVENT-0191', ['maintenance', 'notification'], ['db-instance']],
    ['RDS-EVENT-0171', ['deletion'], ['db-cluster']],
    ['RDS-EVENT-0243', ['failure'], ['db-proxy']],
    ['RDS-EVENT-0245', ['failure'], ['blue-green-deployment']],
    ['RDS-EVENT-0198', ['failure'], ['custom-engine-version']],
    ['RDS-EVENT-0037', ['configuration change'], ['db-parameter-group']],
    ['RDS-EVENT-0039', ['failure'], ['db-security-group']],
    ['RDS-EVENT-0074', ['backup'], ['db-cluster-snapshot']],
    ['RDS-EVENT-0185', ['global failover'], ['db-cluster']],
  ])('lists %s under %j, from %j, as AWS documents it', (id, categories, sourceTypes) => {
    expect(findRdsEvent(id)).toMatchObject({ categories, sourceTypes });
  });

  it('lists Aurora-only events (shard groups, global database) and keeps IDs dropped from the live pages', () => {
    const shardGroup = RDS_EVENT_CATALOG.events.filter((event) =>
      event.sourceTypes.includes('db-shard-group'),
    );
    expect(shardGroup.length).toBeGreaterThan(0);
    expect(shardGroup.every((event) => event.in.includes('aurora'))).toBe(true);
    expect(findRdsEvent('RDS-EVENT-0390')?.categories).toEqual(['notification', 'global database']);
    expect(findRdsEvent('RDS-EVENT-0009')?.in).toEqual(['rds-2023', 'aurora-2023']);
    expect(findRdsEvent('RDS-EVENT-9999')).toBeUndefined();
    expect(findRdsEvent(undefined)).toBeUndefined();
  });
});
