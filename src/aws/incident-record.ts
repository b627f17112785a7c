import type { Impact } from '../incidents/index.ts';

/** What warroom needs of an Incident Manager incident record. */
export interface IncidentRecord {
  arn: string;
  title: string;
  status: 'OPEN' | 'RESOLVED';
  impact: Impact;
  summary?: string;
  creationTime: Date;
  resolvedTime?: Date;
  source: string;
  createdBy: string;
  resourceArn?: string;
}

/** The read side of Incident Manager the notification parsers use. */
export interface IncidentRecordReader {
  /** Throws BotError `AWS.NOT_FOUND`, `AWS.ACCESS_DENIED`, `AWS.THROTTLED` or `AWS.FAILED`. */
  getIncidentRecord(arn: string): Promise<IncidentRecord>;
}
