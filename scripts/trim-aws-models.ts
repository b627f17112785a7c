/**
 * Maintainer script: trims botocore's service models (../shared/aws-models) down to the operations
 * warroom calls and the shapes they reach, strips documentation, and writes them to
 * sandbox/aws/models/ where the emulator loads them. CI never runs this; the output is committed.
 *
 *   npx tsx scripts/trim-aws-models.ts [models-dir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// A directory given on the command line replaces ../shared/aws-models, e.g. one holding a model
// that snapshot lacks (sts.json, read from the same botocore commit).
const SOURCE = process.argv[2]
  ? pathToFileURL(`${process.argv[2].replace(/\/?$/, '/')}`)
  : new URL('../../shared/aws-models/', import.meta.url);
const TARGET = new URL('../sandbox/aws/models/', import.meta.url);
const BOTOCORE_COMMIT = '0e6e2404b85dc336dd2889814e089bde7d1a4c55';

/** Operations per service: AWS-NOTES.md §4 "Minimal IAM actions" plus the extras warroom may call. */
const OPERATIONS: Record<string, string[]> = {
  'ssm-incidents': [
    'StartIncident',
    'GetIncidentRecord',
    'ListIncidentRecords',
    'UpdateIncidentRecord',
    'CreateTimelineEvent',
    'ListTimelineEvents',
    'GetTimelineEvent',
    'UpdateTimelineEvent',
    'UpdateRelatedItems',
    'ListRelatedItems',
    'GetResponsePlan',
    'ListResponsePlans',
  ],
  'ssm-contacts': [
    'StartEngagement',
    'ListContacts',
    'GetContact',
    'ListRotations',
    'ListRotationShifts',
    'ListPagesByContact',
    'ListPagesByEngagement',
    'AcceptPage',
    'DescribeEngagement',
    'StopEngagement',
    'ListEngagements',
    'DescribePage',
    'ListContactChannels',
  ],
  ssm: [
    'StartAutomationExecution',
    'GetAutomationExecution',
    'StopAutomationExecution',
    'DescribeDocument',
    'DescribeAutomationExecutions',
    'DescribeAutomationStepExecutions',
    'GetDocument',
    'CreateOpsItem',
    'UpdateOpsItem',
    'GetOpsItem',
  ],
  rds: [
    'DescribeDBInstances',
    'DescribeDBClusters',
    'CreateDBSnapshot',
    'CreateDBClusterSnapshot',
    'DescribeDBSnapshots',
    'DescribeDBSnapshotAttributes',
    'DescribeDBLogFiles',
    'DownloadDBLogFilePortion',
    'DescribeEvents',
    'RebootDBInstance',
    'DescribeDBClusterSnapshots',
    'DescribePendingMaintenanceActions',
    'ListTagsForResource',
  ],
  sns: ['ConfirmSubscription'],
  sqs: [
    'ReceiveMessage',
    'DeleteMessage',
    'DeleteMessageBatch',
    'SendMessage',
    'SendMessageBatch',
    'ChangeMessageVisibility',
    'GetQueueAttributes',
    'GetQueueUrl',
    'CreateQueue',
    'PurgeQueue',
  ],
  cloudwatch: ['GetMetricWidgetImage', 'DescribeAlarms', 'GetMetricData', 'ListTagsForResource'],
  // Another account's role (`accounts.<id>.roleArn`).
  sts: ['AssumeRole'],
  // The DynamoDB store (docs/store.md) and `npm run store:init`.
  dynamodb: [
    'CreateTable',
    'DeleteTable',
    'DescribeTable',
    'UpdateTimeToLive',
    'DescribeTimeToLive',
    'GetItem',
    'PutItem',
    'UpdateItem',
    'DeleteItem',
    'Query',
    // Counting processed and failed notifications (tests and figures only, docs/store.md).
    'Scan',
    'BatchGetItem',
    'TransactWriteItems',
    'TransactGetItems',
  ],
};

/**
 * Error shapes no kept operation lists but the real service answers with anyway (SSM answers
 * ValidationException for constraint violations on every operation), kept so the emulator can
 * produce them from the model.
 */
const EXTRA_SHAPES: Record<string, string[]> = {
  ssm: ['ValidationException', 'ThrottlingException', 'AccessDeniedException'],
  // GetMetricWidgetImage lists no errors, yet a bad MetricWidget is answered InvalidParameterValue.
  cloudwatch: ['InvalidParameterValueException'],
};

/**
 * SQS answers in awsJson 1.0 but, being awsQueryCompatible, also names each error by its legacy
 * query code (`x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender`) with its own
 * HTTP status. botocore's snapshot leaves those out; AWS's Smithy model has them as @awsQueryError
 * traits, and @aws-sdk/client-sqs 3.1169.0 carries the same pairs in its error schemas (where this
 * table was read). Added to the trimmed model as botocore's usual `error` member.
 */
const QUERY_ERRORS: Record<string, Record<string, [code: string, status: number]>> = {
  sqs: {
    BatchEntryIdsNotDistinct: ['AWS.SimpleQueueService.BatchEntryIdsNotDistinct', 400],
    BatchRequestTooLong: ['AWS.SimpleQueueService.BatchRequestTooLong', 400],
    EmptyBatchRequest: ['AWS.SimpleQueueService.EmptyBatchRequest', 400],
    InvalidAddress: ['InvalidAddress', 404],
    InvalidBatchEntryId: ['AWS.SimpleQueueService.InvalidBatchEntryId', 400],
    InvalidSecurity: ['InvalidSecurity', 403],
    MessageNotInflight: ['AWS.SimpleQueueService.MessageNotInflight', 400],
    OverLimit: ['OverLimit', 403],
    PurgeQueueInProgress: ['AWS.SimpleQueueService.PurgeQueueInProgress', 403],
    QueueDeletedRecently: ['AWS.SimpleQueueService.QueueDeletedRecently', 400],
    QueueDoesNotExist: ['AWS.SimpleQueueService.NonExistentQueue', 400],
    QueueNameExists: ['QueueAlreadyExists', 400],
    ReceiptHandleIsInvalid: ['ReceiptHandleIsInvalid', 404],
    RequestThrottled: ['RequestThrottled', 403],
    TooManyEntriesInBatchRequest: ['AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 400],
    UnsupportedOperation: ['AWS.SimpleQueueService.UnsupportedOperation', 400],
  },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripDocumentation(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDocumentation);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'documentation') continue;
    out[key] = stripDocumentation(inner);
  }
  return out;
}

/** Every shape name a shape refers to: structure members, list members, map keys and values. */
function referencedShapes(shape: JsonObject): string[] {
  const refs: Json[] = [];
  if (isObject(shape.members)) refs.push(...Object.values(shape.members));
  refs.push(shape.member ?? null, shape.key ?? null, shape.value ?? null);
  return refs.flatMap((ref) => (isObject(ref) && typeof ref.shape === 'string' ? [ref.shape] : []));
}

function trimModel(service: string, model: JsonObject): JsonObject {
  const allOperations = model.operations;
  const allShapes = model.shapes;
  if (!isObject(allOperations) || !isObject(allShapes)) throw new Error(`${service}: not a service model`);
  const operations: JsonObject = {};
  const pending: string[] = [...(EXTRA_SHAPES[service] ?? [])];
  for (const name of OPERATIONS[service] ?? []) {
    const operation = allOperations[name];
    if (!isObject(operation)) throw new Error(`${service}: no operation ${name}`);
    operations[name] = operation;
    for (const ref of [
      operation.input,
      operation.output,
      ...(Array.isArray(operation.errors) ? operation.errors : []),
    ]) {
      if (isObject(ref) && typeof ref.shape === 'string') pending.push(ref.shape);
    }
  }
  const shapes: JsonObject = {};
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in shapes) continue;
    const shape = allShapes[name];
    if (!isObject(shape)) throw new Error(`${service}: no shape ${name}`);
    shapes[name] = shape;
    pending.push(...referencedShapes(shape));
  }
  for (const [name, [code, httpStatusCode]] of Object.entries(QUERY_ERRORS[service] ?? {})) {
    const shape = shapes[name];
    if (isObject(shape)) shape.error = { code, httpStatusCode, senderFault: httpStatusCode < 500 };
  }
  const sortedShapes = Object.fromEntries(
    Object.keys(shapes)
      .sort()
      .map((key) => [key, shapes[key] ?? null]),
  );
  return stripDocumentation({
    version: model.version ?? '2.0',
    metadata: model.metadata ?? {},
    operations,
    shapes: sortedShapes,
  }) as JsonObject;
}

const README = `# Vendored AWS service models

Trimmed copies of botocore's \`service-2.json\` models, loaded by the local AWS emulator
(\`sandbox/aws\`) to route and validate requests. Generated; do not edit by hand.

- Source: https://github.com/boto/botocore, commit \`${BOTOCORE_COMMIT}\`,
  \`botocore/data/<service>/<api-version>/service-2.json\`.
- Licence: Apache License 2.0 (\`LICENSE-botocore.txt\`, \`NOTICE-botocore.txt\` beside this file).
- Changes: only the operations warroom calls are kept, with every shape they reach (input, output,
  errors) plus a few error shapes the services answer with although no kept operation lists them;
  all \`documentation\` fields are removed. SQS error shapes get the legacy query codes and HTTP
  statuses of AWS's Smithy model (\`@awsQueryError\`), which botocore's snapshot lacks (see
  \`QUERY_ERRORS\` in the script).

To regenerate, with botocore's models in \`../shared/aws-models\` (next to the repository), or in
a directory named on the command line (\`sts.json\` is not in that snapshot: take
\`botocore/data/sts/2011-06-15/service-2.json\` from the same commit):

\`\`\`sh
npx tsx scripts/trim-aws-models.ts [models-dir]
\`\`\`

The operation list lives in \`scripts/trim-aws-models.ts\`.
`;

mkdirSync(TARGET, { recursive: true });
for (const service of Object.keys(OPERATIONS)) {
  const model = JSON.parse(readFileSync(new URL(`${service}.json`, SOURCE), 'utf8')) as JsonObject;
  const trimmed = trimModel(service, model);
  writeFileSync(new URL(`${service}.json`, TARGET), `${JSON.stringify(trimmed, null, 1)}\n`);
  const shapeCount = isObject(trimmed.shapes) ? Object.keys(trimmed.shapes).length : 0;
  console.log(`${service}: ${OPERATIONS[service]?.length} operations, ${shapeCount} shapes`);
}
for (const file of ['LICENSE-botocore.txt', 'NOTICE-botocore.txt']) {
  // Copied by content, not with copyFileSync, so the read-only mode of the source is not carried over.
  writeFileSync(new URL(file, TARGET), readFileSync(new URL(file, SOURCE)));
}
writeFileSync(new URL('README.md', TARGET), README);
