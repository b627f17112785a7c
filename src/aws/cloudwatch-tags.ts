import { type CloudWatchClient, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch';
import { toAwsBotError } from './aws-error.ts';
import { toTagRecord } from './tag-record.ts';

/** The tags of a CloudWatch alarm by its ARN (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`). */
export async function listAlarmTags(
  client: CloudWatchClient,
  arn: string,
  signal?: AbortSignal,
): Promise<Record<string, string>> {
  try {
    const output = await client.send(new ListTagsForResourceCommand({ ResourceARN: arn }), {
      abortSignal: signal,
    });
    return toTagRecord(output.Tags);
  } catch (error) {
    throw toAwsBotError(error, 'CloudWatch', 'ListTagsForResource');
  }
}
