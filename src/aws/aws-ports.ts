import { createAwsClients } from './aws-clients.ts';
import { IncidentManagerGateway } from './incident-manager-gateway.ts';
import { IncidentManagerWriteGateway } from './incident-manager-write-gateway.ts';
import type { IncidentManagerWriter } from './incident-manager-writer.ts';
import type { IncidentRecordReader } from './incident-record.ts';
import { SnsGateway } from './sns-gateway.ts';

/** The AWS calls the core makes, as ports: tests may pass their own, production builds them here. */
export interface AwsPorts {
  incidentRecords: IncidentRecordReader;
  incidentManager: IncidentManagerWriter;
  confirmSubscription: (topicArn: string, token: string) => Promise<{ subscriptionArn: string }>;
}

/**
 * Builds the gateways over SDK clients created once. Credentials come from the standard chain and
 * endpoints from AWS_ENDPOINT_URL_<SERVICE>, which the SDK reads itself (the emulator uses that too).
 */
export function createAwsPorts(region: string): AwsPorts {
  const clients = createAwsClients({ region });
  const incidentManager = new IncidentManagerGateway(clients.ssmIncidents);
  const sns = new SnsGateway();
  return {
    incidentRecords: incidentManager,
    incidentManager: new IncidentManagerWriteGateway(clients.ssmIncidents),
    confirmSubscription: (topicArn, token) => sns.confirmSubscription(topicArn, token),
  };
}
