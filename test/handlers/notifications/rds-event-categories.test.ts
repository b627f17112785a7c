import { describe, expect, it } from 'vitest';
import {
  classifyRdsEvent,
  extractRdsEventId,
  rdsEventTitle,
  toSignalCategory,
} from '../../../handlers/notifications/rds-event-categories.ts';

describe('classifyRdsEvent', () => {
  it('files a documented failure such as RDS-EVENT-0282 under failure', () => {
    expect(classifyRdsEvent('RDS-EVENT-0282')).toMatchObject({
      known: true,
      signalType: 'rds-event:failure',
      otherSignalTypes: [],
      description: 'RDS-EVENT-0282 (failure)',
    });
  });

  it('keeps every category of an event, in AWS order', () => {
    expect(classifyRdsEvent('RDS-EVENT-0195')).toMatchObject({
      categories: ['maintenance', 'failure'],
      signalType: 'rds-event:maintenance',
      otherSignalTypes: ['rds-event:failure'],
      description: 'RDS-EVENT-0195 (maintenance, failure)',
    });
  });

  it('adds the risky change an event reports', () => {
    expect(classifyRdsEvent('RDS-EVENT-0003')).toMatchObject({
      signalType: 'rds-event:deletion',
      otherSignalTypes: ['rds-change:deleted'],
    });
    expect(classifyRdsEvent('RDS-EVENT-0028').otherSignalTypes).toEqual(['rds-change:backups-off']);
  });

  it('marks an ID the catalog lacks as unknown, saying how current the catalog is', () => {
    expect(classifyRdsEvent('RDS-EVENT-9999')).toMatchObject({
      known: false,
      signalType: 'rds-event:unknown',
      otherSignalTypes: [],
      description:
        "RDS-EVENT-9999 (uncategorised; not in warroom's list of AWS's RDS events, read 2026-04-08)",
    });
    expect(classifyRdsEvent(undefined)).toMatchObject({ known: false, signalType: 'rds-event:unknown' });
  });

  it("prefers EventBridge's own categories, and still flags an ID warroom has not read about", () => {
    expect(classifyRdsEvent('RDS-EVENT-0049', ['availability'])).toMatchObject({
      known: true,
      signalType: 'rds-event:availability',
    });
    expect(classifyRdsEvent('RDS-EVENT-9999', ['notification'])).toMatchObject({
      known: false,
      signalType: 'rds-event:notification',
      otherSignalTypes: ['rds-event:unknown'],
    });
    // An older EventBridge event AWS categorised but sent without an ID is not unknown.
    expect(classifyRdsEvent(undefined, ['backup'])).toMatchObject({
      known: true,
      signalType: 'rds-event:backup',
    });
  });
});

describe('rdsEventTitle', () => {
  it('labels an unknown event as such on the card headline', () => {
    expect(rdsEventTitle(classifyRdsEvent('RDS-EVENT-9999'), 'orders-db', 'Something new happened')).toBe(
      'Unknown RDS event RDS-EVENT-9999 on orders-db: Something new happened',
    );
    expect(rdsEventTitle(classifyRdsEvent(undefined), undefined, '')).toBe('Unknown RDS event (no event ID)');
    expect(rdsEventTitle(classifyRdsEvent('RDS-EVENT-0006'), 'orders-db', 'DB instance restarted')).toBe(
      'orders-db: DB instance restarted',
    );
    expect(rdsEventTitle(classifyRdsEvent('RDS-EVENT-0006'), 'orders-db', '')).toBe(
      'RDS event RDS-EVENT-0006 on orders-db',
    );
  });
});

describe('extractRdsEventId and toSignalCategory', () => {
  it('extracts the ID from documentation URLs on either host, or a bare ID', () => {
    expect(
      extractRdsEventId(
        'http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/USER_Events.html#RDS-EVENT-0049',
      ),
    ).toBe('RDS-EVENT-0049');
    expect(
      extractRdsEventId(
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.html#RDS-EVENT-0169',
      ),
    ).toBe('RDS-EVENT-0169');
    expect(extractRdsEventId('rds-event-0006')).toBe('RDS-EVENT-0006');
    expect(extractRdsEventId('https://docs.aws.amazon.com/')).toBeUndefined();
    expect(extractRdsEventId(undefined)).toBeUndefined();
  });

  it('spells categories in kebab-case for signal types', () => {
    expect(toSignalCategory('configuration change')).toBe('configuration-change');
    expect(toSignalCategory(' Low Storage ')).toBe('low-storage');
    expect(toSignalCategory('global database')).toBe('global-database');
    expect(toSignalCategory('')).toBe('other');
  });
});
