import {
  GetIncidentRecordCommand,
  type IncidentRecord as SdkIncidentRecord,
  type SSMIncidentsClient,
} from '@aws-sdk/client-ssm-incidents';
import { BotError } from '../errors.ts';
import { isImpact } from '../incidents/index.ts';
import { toAwsBotError } from './aws-error.ts';
import type { IncidentRecord, IncidentRecordReader } from './incident-record.ts';

/** Incident Manager (ssm-incidents) over the SDK client built once in aws-clients.ts. */
export class IncidentManagerGateway implements IncidentRecordReader {
  constructor(private readonly client: SSMIncidentsClient) {}

  async getIncidentRecord(arn: string): Promise<IncidentRecord> {
    let record: SdkIncidentRecord | undefined;
    try {
      record = (await this.client.send(new GetIncidentRecordCommand({ arn }))).incidentRecord;
    } catch (error) {
      throw toAwsBotError(error, 'Incident Manager', 'GetIncidentRecord');
    }
    return toIncidentRecord(record);
  }
}

/** The SDK marks every member optional; the model requires these, so a gap is an AWS failure. */
function toIncidentRecord(record: SdkIncidentRecord | undefined): IncidentRecord {
  const source = record?.incidentRecordSource;
  const status = record?.status;
  if (
    !record?.arn ||
    record.title === undefined ||
    !record.creationTime ||
    !source?.source ||
    !source.createdBy ||
    !isImpact(record.impact) ||
    (status !== 'OPEN' && status !== 'RESOLVED')
  ) {
    throw new BotError('AWS.FAILED', 'Incident Manager returned an incident record warroom cannot read.', {
      detail: `GetIncidentRecord: incomplete or unexpected record for ${record?.arn ?? 'unknown ARN'}`,
    });
  }
  return {
    arn: record.arn,
    title: record.title,
    status,
    impact: record.impact,
    summary: record.summary,
    creationTime: record.creationTime,
    resolvedTime: record.resolvedTime,
    source: source.source,
    createdBy: source.createdBy,
    resourceArn: source.resourceArn,
  };
}
