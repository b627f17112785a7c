import {
  CreateOpsItemCommand,
  GetOpsItemCommand,
  OpsItemAlreadyExistsException,
  type SSMClient,
  UpdateOpsItemCommand,
} from '@aws-sdk/client-ssm';
import { toAwsBotError } from './aws-error.ts';
import type { OpsCenterPort, OpsItemDraft } from './ops-center-port.ts';

/** CreateOpsItem's limits on title and description. */
const MAX_TITLE = 1024;
const MAX_DESCRIPTION = 2048;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** OpsCenter over the SSM client built once in aws-clients.ts. */
export class OpsCenterGateway implements OpsCenterPort {
  constructor(private readonly client: SSMClient) {}

  async createOpsItem(draft: OpsItemDraft): Promise<string> {
    const data = Object.fromEntries(
      Object.entries(draft.data).map(([key, value]) => [
        key,
        { Value: value, Type: 'SearchableString' as const },
      ]),
    );
    try {
      const created = await this.client.send(
        new CreateOpsItemCommand({
          Title: cut(draft.title, MAX_TITLE),
          Description: cut(draft.description, MAX_DESCRIPTION),
          Source: 'warroom',
          Severity: draft.severity,
          OperationalData: {
            ...data,
            '/aws/dedup': {
              Value: JSON.stringify({ dedupString: draft.dedupString }),
              Type: 'SearchableString',
            },
            ...(draft.relatedResourceArns.length > 0
              ? {
                  '/aws/resources': {
                    Value: JSON.stringify(draft.relatedResourceArns.map((arn) => ({ arn }))),
                    Type: 'SearchableString',
                  },
                }
              : {}),
          },
        }),
      );
      return created.OpsItemId ?? '';
    } catch (error) {
      // A create whose answer was lost made it already: OpsCenter names that one.
      if (error instanceof OpsItemAlreadyExistsException && error.OpsItemId) return error.OpsItemId;
      throw toAwsBotError(error, 'Systems Manager', 'CreateOpsItem');
    }
  }

  async setOpsItemStatus(opsItemId: string, status: 'Open' | 'Resolved'): Promise<void> {
    try {
      await this.client.send(new UpdateOpsItemCommand({ OpsItemId: opsItemId, Status: status }));
    } catch (error) {
      throw toAwsBotError(error, 'Systems Manager', 'UpdateOpsItem');
    }
  }

  async readOpsItemStatus(opsItemId: string): Promise<string> {
    try {
      const { OpsItem } = await this.client.send(new GetOpsItemCommand({ OpsItemId: opsItemId }));
      return OpsItem?.Status ?? 'Open';
    } catch (error) {
      throw toAwsBotError(error, 'Systems Manager', 'GetOpsItem');
    }
  }
}
