import { describe, expect, it } from 'vitest';
import {
  categoryOfRdsEvent,
  extractRdsEventId,
  RDS_EVENT_CATEGORIES,
  RDS_EVENT_IDS_BY_CATEGORY,
  toSignalCategory,
} from '../../../handlers/notifications/rds-event-categories.ts';

describe('RDS event categories', () => {
  it('lists every documented ID once, under one category', () => {
    const listed = Object.values(RDS_EVENT_IDS_BY_CATEGORY).flatMap((ids) => ids.split(' '));
    expect(listed.every((id) => /^\d{4}$/.test(id))).toBe(true);
    expect(new Set(listed).size).toBe(listed.length);
    expect(RDS_EVENT_CATEGORIES.size).toBe(listed.length);
  });

  it.each([
    ['RDS-EVENT-0049', 'failover'],
    ['RDS-EVENT-0006', 'availability'],
    ['RDS-EVENT-0031', 'failure'],
    ['RDS-EVENT-0089', 'low storage'],
    ['RDS-EVENT-0071', 'failover'],
    ['RDS-EVENT-0074', 'backup'],
    ['RDS-EVENT-0041', 'deletion'],
    ['RDS-EVENT-0042', 'creation'],
    ['RDS-EVENT-0185', 'global failover'],
    ['RDS-EVENT-0191', 'maintenance'],
  ])('files %s under %s, as AWS documents it', (id, category) => {
    expect(categoryOfRdsEvent(id)).toBe(category);
  });

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
    expect(toSignalCategory('')).toBe('other');
  });
});
