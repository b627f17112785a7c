import { ListTagsForResourceCommand, type RDSClient } from '@aws-sdk/client-rds';
import { toAwsBotError } from './aws-error.ts';
import { toTagRecord } from './tag-record.ts';

/** The tags of an RDS resource by ARN (RDS ListTagsForResource takes only the ARN). */
export async function listRdsTags(
  client: RDSClient,
  arn: string,
  signal?: AbortSignal,
): Promise<Record<string, string>> {
  try {
    const output = await client.send(new ListTagsForResourceCommand({ ResourceName: arn }), {
      abortSignal: signal,
    });
    return toTagRecord(output.TagList);
  } catch (error) {
    throw toAwsBotError(error, 'RDS', 'ListTagsForResource');
  }
}
