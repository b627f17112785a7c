import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { toSqsBotError } from './sqs-error.ts';
import type { SqsQueueFacts, SqsQueuePort, SqsReceivedMessage } from './sqs-port.ts';

/** SQS's maxima: the longest long poll and the most messages per receive. */
const WAIT_TIME_SECONDS = 20;
const MAX_MESSAGES = 10;

/**
 * The intake queue over the SDK's SQS client (IAM: sqs:GetQueueAttributes, sqs:ReceiveMessage,
 * sqs:DeleteMessage). The client keeps its default MD5 checks of every body it receives.
 */
export class SqsGateway implements SqsQueuePort {
  constructor(
    private readonly client: SQSClient,
    readonly queueUrl: string,
  ) {}

  async describe(): Promise<SqsQueueFacts> {
    try {
      const { Attributes = {} } = await this.client.send(
        new GetQueueAttributesCommand({
          QueueUrl: this.queueUrl,
          AttributeNames: ['QueueArn', 'VisibilityTimeout', 'RedrivePolicy'],
        }),
      );
      const visibility = Number(Attributes.VisibilityTimeout);
      return {
        ...(Attributes.QueueArn ? { queueArn: Attributes.QueueArn } : {}),
        ...(Number.isFinite(visibility) ? { visibilityTimeoutSeconds: visibility } : {}),
        ...(Attributes.RedrivePolicy ? { redrivePolicy: Attributes.RedrivePolicy } : {}),
      };
    } catch (error) {
      throw toSqsBotError(error, 'GetQueueAttributes', this.queueUrl);
    }
  }

  async receive(signal: AbortSignal): Promise<SqsReceivedMessage[]> {
    try {
      const { Messages = [] } = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.queueUrl,
          WaitTimeSeconds: WAIT_TIME_SECONDS,
          MaxNumberOfMessages: MAX_MESSAGES,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
        { abortSignal: signal },
      );
      return Messages.flatMap((message) =>
        message.MessageId && message.ReceiptHandle
          ? [
              {
                sqsMessageId: message.MessageId,
                receiptHandle: message.ReceiptHandle,
                body: message.Body ?? '',
                receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? '1'),
              },
            ]
          : [],
      );
    } catch (error) {
      throw toSqsBotError(error, 'ReceiveMessage', this.queueUrl);
    }
  }

  async delete(receiptHandle: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: receiptHandle }),
      );
    } catch (error) {
      throw toSqsBotError(error, 'DeleteMessage', this.queueUrl);
    }
  }
}
