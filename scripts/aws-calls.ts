import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The IAM prefix of each SDK client package (CloudWatch signs as `monitoring` but authorises as `cloudwatch`). */
const IAM_PREFIX: Record<string, string> = {
  '@aws-sdk/client-sns': 'sns',
  '@aws-sdk/client-ssm-incidents': 'ssm-incidents',
  '@aws-sdk/client-ssm-contacts': 'ssm-contacts',
  '@aws-sdk/client-ssm': 'ssm',
  '@aws-sdk/client-rds': 'rds',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-dynamodb': 'dynamodb',
};

/**
 * lib-dynamodb's document-client commands and the DynamoDB action each sends. Their names are not
 * the action's (`GetCommand` sends GetItem) and some equal the low-level client's (`QueryCommand`
 * in both), so a command is read by the package it is imported from.
 */
const DOCUMENT_CLIENT_ACTIONS: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteCommand: 'TransactWriteItems',
};

/**
 * DynamoDB operations IAM has no action for: a transaction is authorised item by item, by the
 * action of each item's kind (developerguide/transaction-apis-iam.html). Which kinds a call holds
 * is not visible statically, so a transaction counts as every kind it may hold; ConditionCheckItem
 * only when the file writes a `ConditionCheck` item.
 */
const TRANSACTION_ITEM_ACTIONS: Record<string, (text: string) => string[]> = {
  'dynamodb:TransactWriteItems': (text) => [
    'dynamodb:DeleteItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    ...(/\bConditionCheck\b/.test(text) ? ['dynamodb:ConditionCheckItem'] : []),
  ],
  'dynamodb:TransactGetItems': () => ['dynamodb:GetItem'],
};

/**
 * Where warroom's runtime code lives: only `src/` is scanned. `bin/` holds admin tools run by an
 * operator with their own credentials (bin/store-init.ts's CreateTable, UpdateTimeToLive), and
 * `sandbox/` is the local world: neither is warroom's role's business.
 */
export const RUNTIME_ROOT = 'src';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'sandbox' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The IAM action a class imported from `source` sends when constructed, if it is an AWS command. */
function actionOf(source: string, imported: string): string | undefined {
  if (source === '@aws-sdk/lib-dynamodb') {
    const action = DOCUMENT_CLIENT_ACTIONS[imported];
    return action ? `dynamodb:${action}` : undefined;
  }
  const prefix = IAM_PREFIX[source];
  const command = /^([A-Z][A-Za-z0-9]+)Command$/.exec(imported);
  return prefix && command?.[1] ? `${prefix}:${command[1]}` : undefined;
}

/** The AWS actions one source text sends: commands it imports (by name or alias) and constructs. */
export function findActionsIn(text: string): string[] {
  const actions = new Set<string>();
  for (const match of text.matchAll(
    /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/(?:client-[a-z-]+|lib-dynamodb))'/g,
  )) {
    for (const specifier of (match[1] ?? '').split(',')) {
      const [imported, local = imported] = specifier
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      const action = imported ? actionOf(match[2] ?? '', imported) : undefined;
      if (!action || !local || !new RegExp(`new\\s+${local}\\(`).test(text)) continue;
      for (const iamAction of TRANSACTION_ITEM_ACTIONS[action]?.(text) ?? [action]) actions.add(iamAction);
    }
  }
  return [...actions];
}

/**
 * Every AWS API action warroom's own code sends, as IAM actions (`rds:DescribeDBInstances`): read
 * from the command classes each file imports from an SDK client or lib-dynamodb and constructs.
 */
export function findAwsActions(root = RUNTIME_ROOT): string[] {
  const actions = new Set(sourceFiles(root).flatMap((file) => findActionsIn(readFileSync(file, 'utf8'))));
  return [...actions].sort();
}
