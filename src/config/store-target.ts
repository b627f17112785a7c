import type { Config } from './config.ts';

/** What DynamoDB accepts as a table name (CreateTable/DescribeTable's TableName pattern). */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
/** A table ARN: the SDK takes one as TableName and sends the request to the ARN's Region. */
const TABLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):dynamodb:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):table\/(.+)$/;

export type StoreTargetResult = { ok: true; store: Config['store'] } | { ok: false; problem: string };

/**
 * Reads WARROOM_STORE: `sqlite:<path>`, `dynamodb:<table name>` or `dynamodb:<table ARN>`. The
 * problem says what is wrong with the table part, since that is what an operator mistypes.
 */
export function parseStoreTarget(value: string): StoreTargetResult {
  if (value.startsWith('sqlite:') && value.length > 'sqlite:'.length) {
    return { ok: true, store: { kind: 'sqlite', path: value.slice('sqlite:'.length) } };
  }
  if (!value.startsWith('dynamodb:')) {
    return { ok: false, problem: 'expected sqlite:<path> or dynamodb:<table>' };
  }
  const table = value.slice('dynamodb:'.length);
  if (table.startsWith('arn:')) {
    const arn = TABLE_ARN.exec(table);
    if (!arn?.[2] || !arn[4]) {
      return {
        ok: false,
        problem: `expected dynamodb:<table ARN> as arn:aws:dynamodb:<region>:<12-digit account>:table/<name>, got ${table}`,
      };
    }
    if (!TABLE_NAME.test(arn[4])) return { ok: false, problem: tableNameProblem(arn[4]) };
    return { ok: true, store: { kind: 'dynamodb', table, region: arn[2] } };
  }
  if (!TABLE_NAME.test(table)) return { ok: false, problem: tableNameProblem(table) };
  return { ok: true, store: { kind: 'dynamodb', table } };
}

const tableNameProblem = (name: string) =>
  `expected a DynamoDB table name of 3–255 characters from A-Z a-z 0-9 _ . -, got "${name}"`;
