import { createHash } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsEmulator, startAwsEmulator } from '../../../sandbox/aws/aws-emulator.ts';
import { ManualClock } from '../../../src/clock.ts';
import { rejectionOf, sdkConfig } from '../../sandbox/aws/sdk-test-config.ts';

const clock = new ManualClock('2026-11-22T09:00:00Z');
let emulator: AwsEmulator;
// md5 left at its default (on): the SDK checks every MD5 the emulator returns.
let sqs: SQSClient;
let queueUrl: string;
let queueCount = 0;

beforeAll(async () => {
  emulator = await startAwsEmulator({ clock });
  sqs = new SQSClient(sdkConfig(emulator));
});

afterAll(async () => {
  sqs.destroy();
  await emulator.close();
});

beforeEach(async () => {
  queueCount += 1;
  const created = await sqs.send(
    new CreateQueueCommand({ QueueName: `intake-${queueCount}`, Attributes: { VisibilityTimeout: '30' } }),
  );
  queueUrl = created.QueueUrl ?? '';
});

const receive = (extra: Partial<ConstructorParameters<typeof ReceiveMessageCommand>[0]> = {}) =>
  sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, ...extra }));

describe('the emulator SQS, through the real SDK client', () => {
  it('hands out queue URLs on its own origin, by CreateQueue and GetQueueUrl', async () => {
    expect(queueUrl).toBe(`${emulator.url}/123456789012/intake-${queueCount}`);
    const found = await sqs.send(new GetQueueUrlCommand({ QueueName: `intake-${queueCount}` }));
    expect(found.QueueUrl).toBe(queueUrl);
    const again = await sqs.send(
      new CreateQueueCommand({ QueueName: `intake-${queueCount}`, Attributes: { VisibilityTimeout: '30' } }),
    );
    expect(again.QueueUrl).toBe(queueUrl);
    const clash = await rejectionOf(
      sqs.send(
        new CreateQueueCommand({ QueueName: `intake-${queueCount}`, Attributes: { VisibilityTimeout: '5' } }),
      ),
    );
    expect(clash).toMatchObject({ name: 'QueueNameExists', Code: 'QueueAlreadyExists' });
  });

  it('sends and receives with correct MD5s of body and attributes', async () => {
    const body = 'Ünïcode body ✓ {"Type":"Notification"}';
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: body,
        MessageAttributes: {
          source: { DataType: 'String', StringValue: 'cloudwatch' },
          bytes: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
          level: { DataType: 'Number', StringValue: '2' },
        },
      }),
    );
    expect(sent.MD5OfMessageBody).toBe(createHash('md5').update(body, 'utf8').digest('hex'));
    // Computed independently of the emulator, from AWS's documented encoding.
    expect(sent.MD5OfMessageAttributes).toBe(referenceAttributesMd5());
    const { Messages } = await receive({ MessageAttributeNames: ['All'] });
    expect(Messages).toHaveLength(1);
    expect(Messages?.[0]).toMatchObject({
      MessageId: sent.MessageId,
      Body: body,
      MD5OfBody: sent.MD5OfMessageBody,
      MD5OfMessageAttributes: sent.MD5OfMessageAttributes,
    });
    expect(Messages?.[0]?.MessageAttributes?.source?.StringValue).toBe('cloudwatch');
  });

  it('sends a batch, reporting a bad entry in Failed and sending the rest', async () => {
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: 'a', MessageBody: 'first' },
          { Id: 'b', MessageBody: 'bad \u0001 character' },
          { Id: 'c', MessageBody: 'third', DelaySeconds: 0 },
        ],
      }),
    );
    expect(result.Successful?.map((entry) => entry.Id)).toEqual(['a', 'c']);
    expect(result.Failed).toEqual([
      expect.objectContaining({ Id: 'b', Code: 'InvalidMessageContents', SenderFault: true }),
    ]);
    const { Messages } = await receive();
    expect(Messages?.map((message) => message.Body)).toEqual(['first', 'third']);
  });

  it('hides a received message for its visibility timeout and counts every receive', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'again and again' }));
    const first = await receive({ MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
    expect(first.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect((await receive()).Messages).toBeUndefined();
    clock.advance(30_000);
    const second = await receive({ MessageSystemAttributeNames: ['All'] });
    expect(second.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    expect(second.Messages?.[0]?.ReceiptHandle).not.toBe(first.Messages?.[0]?.ReceiptHandle);
  });

  it('deletes only with the latest receipt handle; an older one succeeds and deletes nothing', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'delete me' }));
    const first = (await receive({ VisibilityTimeout: 0 })).Messages?.[0];
    const second = (await receive({ VisibilityTimeout: 5 })).Messages?.[0];
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.ReceiptHandle }));
    const queue = emulator.state.sqs.queues.get(`intake-${queueCount}`);
    expect(queue?.messages).toHaveLength(1);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: second?.ReceiptHandle }));
    expect(queue?.messages).toHaveLength(0);
    expect(queue?.deletedMessageIds).toEqual([second?.MessageId]);
  });

  it('answers a receipt handle it never issued with ReceiptHandleIsInvalid', async () => {
    const error = await rejectionOf(
      sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: 'not-a-handle' })),
    );
    expect(error).toMatchObject({ name: 'ReceiptHandleIsInvalid', Code: 'ReceiptHandleIsInvalid' });
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(404);
    const batch = await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: 'x', ReceiptHandle: 'nope' }] }),
    );
    expect(batch.Failed?.[0]).toMatchObject({ Id: 'x', Code: 'ReceiptHandleIsInvalid' });
  });

  it('names a missing queue with the legacy query code the SDK exposes as Code', async () => {
    const missing = `${emulator.url}/123456789012/no-such-queue`;
    const error = await rejectionOf(
      sqs.send(new GetQueueAttributesCommand({ QueueUrl: missing, AttributeNames: ['All'] })),
    );
    expect(error).toMatchObject({
      name: 'QueueDoesNotExist',
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
    });
    const byName = await rejectionOf(sqs.send(new GetQueueUrlCommand({ QueueName: 'no-such-queue' })));
    expect(byName).toMatchObject({ name: 'QueueDoesNotExist' });
  });

  it('changes visibility, and refuses a message no longer in flight', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'later' }));
    const message = (await receive()).Messages?.[0];
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: message?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const error = await rejectionOf(
      sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: message?.ReceiptHandle,
          VisibilityTimeout: 10,
        }),
      ),
    );
    expect(error).toMatchObject({
      name: 'MessageNotInflight',
      Code: 'AWS.SimpleQueueService.MessageNotInflight',
    });
    expect((await receive()).Messages).toHaveLength(1);
  });

  it('long-polls until a message arrives, and not for the whole wait', async () => {
    const started = Date.now();
    const polling = receive({ WaitTimeSeconds: 5 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'wake up' }));
    const { Messages } = await polling;
    expect(Messages?.[0]?.Body).toBe('wake up');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('ends a long poll with no messages once the wait is over', async () => {
    const started = Date.now();
    const { Messages } = await receive({ WaitTimeSeconds: 1 });
    expect(Messages).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('refuses out-of-range receive parameters with SQS wording', async () => {
    const error = await rejectionOf(receive({ MaxNumberOfMessages: 11 }));
    expect(error).toMatchObject({ Code: 'InvalidParameterValue' });
    expect(error.message).toContain('MaxNumberOfMessages');
  });

  it('reports counts in GetQueueAttributes and empties the queue on PurgeQueue', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'one' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'two' }));
    await receive({ MaxNumberOfMessages: 1 });
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
    );
    expect(Attributes).toMatchObject({
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      VisibilityTimeout: '30',
      QueueArn: `arn:aws:sqs:us-east-1:123456789012:intake-${queueCount}`,
    });
    await sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    expect(emulator.state.sqs.queues.get(`intake-${queueCount}`)?.messages).toHaveLength(0);
  });
});

/** MD5OfMessageAttributes for the three attributes sent above, encoded by hand per AWS's docs. */
function referenceAttributesMd5(): string {
  const field = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const text = (value: string) => field(Buffer.from(value, 'utf8'));
  const parts = [
    text('bytes'),
    text('Binary'),
    Buffer.from([2]),
    field(Buffer.from([1, 2, 3])),
    text('level'),
    text('Number'),
    Buffer.from([1]),
    text('2'),
    text('source'),
    text('String'),
    Buffer.from([1]),
    text('cloudwatch'),
  ];
  return createHash('md5').update(Buffer.concat(parts)).digest('hex');
}
