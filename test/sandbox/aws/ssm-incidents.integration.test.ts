import {
  ConflictException,
  CreateTimelineEventCommand,
  GetIncidentRecordCommand,
  GetTimelineEventCommand,
  ListIncidentRecordsCommand,
  ListRelatedItemsCommand,
  ListTimelineEventsCommand,
  ResourceNotFoundException,
  SSMIncidentsClient,
  StartIncidentCommand,
  UpdateIncidentRecordCommand,
  UpdateRelatedItemsCommand,
  UpdateTimelineEventCommand,
  ValidationException,
} from '@aws-sdk/client-ssm-incidents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from './sdk-test-config.ts';

describe('Incident Manager through the real SDK', () => {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let emulator: AwsEmulator;
  let client: SSMIncidentsClient;
  let planArn: string;

  beforeAll(async () => {
    emulator = await startAwsEmulator({ clock });
    client = new SSMIncidentsClient(sdkConfig(emulator));
    planArn = emulator.state.incidents.addResponsePlan({ name: 'db', title: 'Database trouble', impact: 2 });
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  it('starts an incident from a response plan and reads it back', async () => {
    const { incidentRecordArn } = await client.send(new StartIncidentCommand({ responsePlanArn: planArn }));
    expect(incidentRecordArn).toMatch(
      /^arn:aws:ssm-incidents::123456789012:incident-record\/db\/[0-9a-f-]{36}$/,
    );
    const { incidentRecord } = await client.send(new GetIncidentRecordCommand({ arn: incidentRecordArn }));
    expect(incidentRecord).toMatchObject({
      title: 'Database trouble',
      impact: 2,
      status: 'OPEN',
      creationTime: new Date('2026-11-22T09:00:00Z'),
      incidentRecordSource: { source: 'aws.ssm-incidents.custom' },
    });
  });

  it('rejects StartIncident for an unknown response plan with ResourceNotFoundException', async () => {
    const error = await rejectionOf(
      client.send(
        new StartIncidentCommand({
          responsePlanArn: 'arn:aws:ssm-incidents::123456789012:response-plan/none',
        }),
      ),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 404 });
  });

  it('rejects impact 7 with AWS’s ValidationException message', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'seeded' });
    const error = await rejectionOf(client.send(new UpdateIncidentRecordCommand({ arn, impact: 7 })));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toBe(
      "1 validation error detected: Value '7' at 'impact' failed to satisfy constraint: Member must have value less than or equal to 5",
    );
    expect(emulator.state.incidents.incidentRecords.get(arn)?.impact).toBe(3);
  });

  it('rejects a request the SDK sent without a required member (stripped by middleware)', async () => {
    const stripping = new SSMIncidentsClient(sdkConfig(emulator));
    stripping.middlewareStack.add(
      (next) => async (args) => {
        // The serialized body is a string-like adapter; rewrite it as plain JSON without `arn`.
        const request = args.request as { body?: unknown; headers: Record<string, string> };
        const { arn: _dropped, ...rest } = JSON.parse(String(request.body)) as Record<string, unknown>;
        request.body = JSON.stringify(rest);
        request.headers['content-length'] = String(Buffer.byteLength(request.body as string));
        return next(args);
      },
      { step: 'finalizeRequest', name: 'stripArn', priority: 'high' },
    );
    const error = await rejectionOf(
      stripping.send(new UpdateIncidentRecordCommand({ arn: 'arn:aws:x::123456789012:y', title: 't' })),
    );
    stripping.destroy();
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'arn' failed to satisfy constraint: Member must not be null",
    );
  });

  it('updates impact and status, stamping resolvedTime', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'to resolve', impact: 2 });
    clock.advance(60_000);
    await client.send(
      new UpdateIncidentRecordCommand({ arn, impact: 4, status: 'RESOLVED', summary: 'fixed' }),
    );
    const { incidentRecord } = await client.send(new GetIncidentRecordCommand({ arn }));
    expect(incidentRecord).toMatchObject({
      impact: 4,
      status: 'RESOLVED',
      summary: 'fixed',
      resolvedTime: clock.now(),
    });
  });

  it('treats the same clientToken and input as one call, and other input as a conflict', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'idem' });
    const clientToken = 'token-1';
    const first = await client.send(
      new CreateTimelineEventCommand({
        incidentRecordArn: arn,
        eventTime: clock.now(),
        eventType: 'Note',
        eventData: '"a"',
        clientToken,
      }),
    );
    const again = await client.send(
      new CreateTimelineEventCommand({
        incidentRecordArn: arn,
        eventTime: clock.now(),
        eventType: 'Note',
        eventData: '"a"',
        clientToken,
      }),
    );
    expect(again.eventId).toBe(first.eventId);
    expect(emulator.state.incidents.incidentRecords.get(arn)?.timeline).toHaveLength(1);
    const error = await rejectionOf(
      client.send(
        new CreateTimelineEventCommand({
          incidentRecordArn: arn,
          eventTime: clock.now(),
          eventType: 'Note',
          eventData: '"b"',
          clientToken,
        }),
      ),
    );
    expect(error).toBeInstanceOf(ConflictException);
  });

  it('lists incident records by status and impact, newest first', async () => {
    const fresh = await startAwsEmulator({ clock });
    const listing = new SSMIncidentsClient(sdkConfig(fresh));
    const older = fresh.state.incidents.addIncidentRecord({
      title: 'older',
      impact: 1,
      creationTime: new Date('2026-11-01T00:00:00Z'),
    });
    const newer = fresh.state.incidents.addIncidentRecord({
      title: 'newer',
      impact: 1,
      creationTime: new Date('2026-11-02T00:00:00Z'),
    });
    fresh.state.incidents.addIncidentRecord({ title: 'low', impact: 4 });
    fresh.state.incidents.addIncidentRecord({ title: 'closed', impact: 1, status: 'RESOLVED' });
    const result = await listing.send(
      new ListIncidentRecordsCommand({
        filters: [
          { key: 'status', condition: { equals: { stringValues: ['OPEN'] } } },
          { key: 'impact', condition: { equals: { integerValues: [1, 2] } } },
          { key: 'creationTime', condition: { after: new Date('2026-10-01T00:00:00Z') } },
        ],
      }),
    );
    expect(result.incidentRecordSummaries?.map((summary) => summary.arn)).toEqual([newer, older]);
    const error = await rejectionOf(
      listing.send(
        new ListIncidentRecordsCommand({
          filters: [{ key: 'colour', condition: { equals: { stringValues: ['red'] } } }],
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationException);
    listing.destroy();
    await fresh.close();
  });

  it('pages incident records with nextToken', async () => {
    const fresh = await startAwsEmulator({ clock });
    const paging = new SSMIncidentsClient(sdkConfig(fresh));
    for (let i = 0; i < 3; i++) fresh.state.incidents.addIncidentRecord({ title: `r${i}` });
    const first = await paging.send(new ListIncidentRecordsCommand({ maxResults: 2 }));
    expect(first.incidentRecordSummaries).toHaveLength(2);
    const second = await paging.send(
      new ListIncidentRecordsCommand({ maxResults: 2, nextToken: first.nextToken }),
    );
    expect(second.incidentRecordSummaries).toHaveLength(1);
    expect(second.nextToken).toBeUndefined();
    paging.destroy();
    await fresh.close();
  });

  it('keeps a timeline: summaries without eventData, the event with it', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'timeline' });
    const { eventId } = await client.send(
      new CreateTimelineEventCommand({
        incidentRecordArn: arn,
        eventTime: new Date('2026-11-22T09:05:00Z'),
        eventType: 'Note',
        eventData: JSON.stringify('rebooted the writer'),
        eventReferences: [{ resource: arn }],
      }),
    );
    const { eventSummaries } = await client.send(new ListTimelineEventsCommand({ incidentRecordArn: arn }));
    expect(eventSummaries).toEqual([expect.objectContaining({ eventId, eventType: 'Note' })]);
    expect(eventSummaries?.[0]).not.toHaveProperty('eventData');
    const { event } = await client.send(new GetTimelineEventCommand({ incidentRecordArn: arn, eventId }));
    expect(event?.eventData).toBe('"rebooted the writer"');
    clock.advance(1_000);
    await client.send(
      new UpdateTimelineEventCommand({ incidentRecordArn: arn, eventId, eventData: '"rebooted the reader"' }),
    );
    const updated = await client.send(new GetTimelineEventCommand({ incidentRecordArn: arn, eventId }));
    expect(updated.event).toMatchObject({
      eventData: '"rebooted the reader"',
      eventUpdatedTime: clock.now(),
    });
  });

  it('rejects eventData over 12000 characters and event types users may not create', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'limits' });
    const long = await rejectionOf(
      client.send(
        new CreateTimelineEventCommand({
          incidentRecordArn: arn,
          eventTime: new Date(),
          eventType: 'Note',
          eventData: 'x'.repeat(12001),
        }),
      ),
    );
    expect(long.message).toContain(
      "at 'eventData' failed to satisfy constraint: Member must have length less than or equal to 12000",
    );
    const systemType = await rejectionOf(
      client.send(
        new CreateTimelineEventCommand({
          incidentRecordArn: arn,
          eventTime: new Date(),
          eventType: 'SSM Incident Record Update',
          eventData: '""',
        }),
      ),
    );
    expect(systemType).toBeInstanceOf(ValidationException);
  });

  it('adds related items with a service-assigned generatedId and removes them', async () => {
    const arn = emulator.state.incidents.addIncidentRecord({ title: 'related' });
    const identifier = { type: 'OTHER' as const, value: { url: 'https://runbooks.example/db' } };
    await client.send(
      new UpdateRelatedItemsCommand({
        incidentRecordArn: arn,
        relatedItemsUpdate: { itemToAdd: { identifier, title: 'Runbook' } },
      }),
    );
    const { relatedItems } = await client.send(new ListRelatedItemsCommand({ incidentRecordArn: arn }));
    expect(relatedItems?.[0]?.generatedId).toMatch(/^related-item\/OTHER\/[0-9A-F]{32}$/);
    const duplicate = await rejectionOf(
      client.send(
        new UpdateRelatedItemsCommand({
          incidentRecordArn: arn,
          relatedItemsUpdate: { itemToAdd: { identifier } },
        }),
      ),
    );
    expect(duplicate).toBeInstanceOf(ConflictException);
    await client.send(
      new UpdateRelatedItemsCommand({
        incidentRecordArn: arn,
        relatedItemsUpdate: { itemToRemove: identifier },
      }),
    );
    expect((await client.send(new ListRelatedItemsCommand({ incidentRecordArn: arn }))).relatedItems).toEqual(
      [],
    );
  });
});
