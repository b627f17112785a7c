import { describe, expect, it } from 'vitest';
import { impactFromSeverity, parseChatbotCustom } from '../../../handlers/notifications/chatbot-custom.ts';
import { loadPayload, notificationOf, variantOf } from './notification-fixtures.ts';

const custom = loadPayload('chatbot-custom.json');
type Json = Record<string, unknown>;
const metadataOf = (m: Json) => m['metadata'] as Json;

describe('parseChatbotCustom', () => {
  it('reads title, description, next steps, severity and the related DB instance', () => {
    const alert = parseChatbotCustom(notificationOf(custom));
    expect(alert).toMatchObject({
      source: 'chatbot',
      signalType: 'chatbot:custom',
      title: ':rotating_light: SEV2 – prod-orders-db-1 connection storm',
      suggestedImpact: 2,
      resource: {
        kind: 'rds-instance',
        id: 'prod-orders-db-1',
        arn: 'arn:aws:rds:us-east-1:111122223333:db:prod-orders-db-1',
        region: 'us-east-1',
        accountId: '111122223333',
      },
      correlation: {
        kind: 'chatbot-thread',
        value: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:prod-orders-db-high-connections',
      },
      occurredAt: new Date('2024-05-14T12:00:00.000Z'),
    });
    expect(alert?.detail).toContain('*Alarm:* prod-orders-db-high-connections');
    expect(alert?.detail).toContain('*Next steps:*\n• Check Performance Insights for top waits');
    expect(alert?.facts).toEqual(
      expect.arrayContaining([
        { label: 'Event type', value: 'IncidentOpened' },
        { label: 'Keywords', value: 'SEV2, RDS, prod' },
        { label: 'runbook', value: 'https://wiki.example.com/runbooks/rds-connections' },
      ]),
    );
  });

  it('correlates on sorted keywords when there is no threadId', () => {
    const noThread = variantOf(custom, (m) => {
      delete metadataOf(m)['threadId'];
    });
    expect(parseChatbotCustom(notificationOf(noThread))?.correlation).toEqual({
      kind: 'chatbot-keywords',
      value: 'RDS,SEV2,prod',
    });
  });

  it('falls back to the summary for the title and needs no metadata at all', () => {
    const untitled = variantOf(custom, (m) => {
      delete (m['content'] as Json)['title'];
    });
    expect(parseChatbotCustom(notificationOf(untitled))?.title).toBe(
      'SEV2 prod-orders-db-1 connection storm',
    );
    const minimal = {
      version: '1.0',
      source: 'custom',
      content: { description: 'Disk is filling up\nmore' },
    };
    expect(parseChatbotCustom(notificationOf(minimal))).toMatchObject({
      title: 'Disk is filling up',
      facts: [],
    });
  });

  it.each([
    [2, 2],
    ['1', 1],
    ['SEV3', 3],
    ['sev-4', 4],
    ['Sev 5', 5],
    ['6', undefined],
    ['high', undefined],
    [null, undefined],
  ])('reads severity %j as impact %j', (severity, impact) => {
    expect(impactFromSeverity(severity)).toBe(impact);
  });

  it('ignores related resources that are not RDS DB instances or clusters', () => {
    const unrelated = variantOf(custom, (m) => {
      metadataOf(m)['relatedResources'] = ['arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0'];
    });
    expect(parseChatbotCustom(notificationOf(unrelated))?.resource).toBeUndefined();
  });

  it('throws PARSE.INVALID for a custom notification without a description', () => {
    const broken = variantOf(custom, (m) => {
      delete (m['content'] as Json)['description'];
    });
    expect(() => parseChatbotCustom(notificationOf(broken))).toThrow(
      expect.objectContaining({
        code: 'PARSE.INVALID',
        userMessage: expect.stringContaining(
          'Looked like an AWS Chatbot custom notification but content.description',
        ),
      }),
    );
    expect(parseChatbotCustom(notificationOf({ source: 'aws.rds' }))).toBeUndefined();
  });
});
