import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsJsonProtocol } from '../../protocols/aws-json-protocol.ts';
import type { Protocol } from '../../protocols/protocol.ts';
import type { ServiceDefinition } from '../../service-definition.ts';
import { changeMessageVisibility, deleteMessage, deleteMessageBatch } from './message-handlers.ts';
import { createQueue, getQueueAttributes, getQueueUrl, purgeQueue } from './queue-handlers.ts';
import { receiveMessage } from './receive-message.ts';
import { sendMessage, sendMessageBatch } from './send-message.ts';
import { REQUEST_ORIGIN } from './sqs-errors.ts';

/**
 * awsJson 1.0 with the request's origin attached (under a symbol, so it is neither validated nor
 * logged): queue URLs must name the host the client reached, or the SDK's queueUrl middleware would
 * send later calls to that other host.
 */
function withRequestOrigin(protocol: Protocol): Protocol {
  return {
    ...protocol,
    parseRequest(request) {
      const parsed = protocol.parseRequest(request);
      const host = request.headers.host;
      if (host) Object.defineProperty(parsed.input, REQUEST_ORIGIN, { value: `http://${host}` });
      return parsed;
    },
  };
}

/**
 * SQS standard queues over awsJson 1.0 with awsQueryCompatible errors (`x-amzn-query-error:
 * AWS.SimpleQueueService.NonExistentQueue;Sender`). Seed and inspect through `state.sqs`.
 */
export function createSqsService(): ServiceDefinition {
  const model = loadServiceModel('sqs');
  return {
    name: 'sqs',
    signingName: 'sqs',
    endpointEnvSuffix: 'SQS',
    model,
    protocol: withRequestOrigin(createAwsJsonProtocol(model)),
    handlers: {
      CreateQueue: createQueue,
      GetQueueUrl: getQueueUrl,
      GetQueueAttributes: getQueueAttributes,
      PurgeQueue: purgeQueue,
      SendMessage: sendMessage,
      SendMessageBatch: sendMessageBatch,
      ReceiveMessage: receiveMessage,
      DeleteMessage: deleteMessage,
      DeleteMessageBatch: deleteMessageBatch,
      ChangeMessageVisibility: changeMessageVisibility,
    },
  };
}
