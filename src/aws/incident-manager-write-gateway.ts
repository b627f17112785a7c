import {
  CreateTimelineEventCommand,
  type SSMIncidentsClient,
  StartIncidentCommand,
  UpdateIncidentRecordCommand,
  UpdateRelatedItemsCommand,
} from '@aws-sdk/client-ssm-incidents';
import { BotError } from '../errors.ts';
import type { IncidentManagerWrite } from '../incident-manager/index.ts';
import { toAwsBotError } from './aws-error.ts';
import type { IncidentManagerWriter } from './incident-manager-writer.ts';

type Write<K extends IncidentManagerWrite['kind']> = Extract<IncidentManagerWrite, { kind: K }>;

/** Incident Manager writes over the SDK client built once in aws-clients.ts. */
export class IncidentManagerWriteGateway implements IncidentManagerWriter {
  constructor(private readonly client: SSMIncidentsClient) {}

  async startIncident(write: Write<'start-incident'>, clientToken: string): Promise<string> {
    const output = await this.send('StartIncident', () =>
      this.client.send(
        new StartIncidentCommand({
          responsePlanArn: write.responsePlanArn,
          title: write.title.slice(0, 200),
          impact: write.impact,
          clientToken,
        }),
      ),
    );
    if (!output.incidentRecordArn) {
      throw new BotError('AWS.FAILED', 'Incident Manager started the incident without naming it.');
    }
    return output.incidentRecordArn;
  }

  async updateIncidentRecord(write: Write<'update-record'>, clientToken: string): Promise<void> {
    await this.send('UpdateIncidentRecord', () =>
      this.client.send(
        new UpdateIncidentRecordCommand({
          arn: write.arn,
          impact: write.impact,
          status: write.status,
          summary: write.summary,
          clientToken,
        }),
      ),
    );
  }

  async createTimelineEvent(write: Write<'timeline-event'>, clientToken: string): Promise<void> {
    await this.send('CreateTimelineEvent', () =>
      this.client.send(
        new CreateTimelineEventCommand({
          incidentRecordArn: write.arn,
          eventTime: new Date(write.eventTime),
          eventType: 'Custom Event',
          eventData: write.eventData,
          eventReferences: write.resourceArn ? [{ resource: write.resourceArn }] : undefined,
          clientToken,
        }),
      ),
    );
  }

  async addRelatedItem(write: Write<'related-item'>, clientToken: string): Promise<void> {
    await this.send('UpdateRelatedItems', () =>
      this.client.send(
        new UpdateRelatedItemsCommand({
          incidentRecordArn: write.arn,
          relatedItemsUpdate: {
            itemToAdd: {
              identifier: { type: write.itemType, value: write.value },
              title: write.title.slice(0, 200),
            },
          },
          clientToken,
        }),
      ),
    );
  }

  private async send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toAwsBotError(error, 'Incident Manager', operation);
    }
  }
}
