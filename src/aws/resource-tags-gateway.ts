import type { AwsClients } from './aws-clients.ts';
import { listAlarmTags } from './cloudwatch-tags.ts';
import { listRdsTags } from './rds-tags.ts';
import type { ResourceTagsPort, TagClientsFor, TaggedResource } from './resource-tags-port.ts';

/** Reads tags through the clients of the resource's own account and Region. */
export function createResourceTagsGateway(clientsFor: TagClientsFor): ResourceTagsPort {
  return {
    listTags(resource: TaggedResource, signal?: AbortSignal) {
      const clients = clientsFor({ accountId: resource.accountId, region: resource.region });
      return resource.service === 'rds'
        ? listRdsTags(clients.rds, resource.arn, signal)
        : listAlarmTags(clients.cloudwatch, resource.arn, signal);
    },
  };
}

/**
 * Until per-account clients exist: warroom's own clients for every place. A resource in another
 * account or Region is then refused by AWS, and that refusal is what the tag read reports.
 */
export function useOwnClients(clients: Pick<AwsClients, 'rds' | 'cloudwatch'>): TagClientsFor {
  return () => ({ rds: clients.rds, cloudwatch: clients.cloudwatch });
}
