import { describe, expect, it } from 'vitest';
import { incidentChannelName, MAX_CHANNEL_NAME } from '../../src/incidents/incident-channel-name.ts';
import { openIncident } from '../support/incident-fixtures.ts';

describe('incidentChannelName', () => {
  it('names the channel from date, id and title in the characters Slack allows', () => {
    expect(incidentChannelName(openIncident({ seq: 42, title: 'CPUUtilization > 80 on orders-db' }))).toBe(
      'inc-20261122-42-cpuutilization-80-on-orders-db',
    );
  });

  it('stays within 80 characters without a trailing hyphen, suffix included', () => {
    const long = openIncident({ seq: 123456, title: `Réplica lag ${'very-long-words '.repeat(20)}` });
    for (const name of [incidentChannelName(long), incidentChannelName(long, '2')]) {
      expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME);
      expect(name).toMatch(/^[a-z0-9_-]+$/);
      expect(name).not.toMatch(/-$/);
    }
    expect(incidentChannelName(long, '2')).toMatch(/-2$/);
    expect(incidentChannelName(long)).toContain('replica-lag');
  });

  it('copes with a title of nothing but punctuation', () => {
    expect(incidentChannelName(openIncident({ seq: 5, title: '!!! ???' }))).toBe('inc-20261122-5');
  });
});
