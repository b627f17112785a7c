import { randomBytes } from 'node:crypto';
import type { OpsItemDataValue } from '@aws-sdk/client-ssm';
import type { HandlerContext } from '../../service-definition.ts';
import { ssmError } from './ssm-errors.ts';

/** One OpsItem of an account (the Region is the state's: OpsCenter data is regional). */
export interface OpsItemRecord {
  id: string;
  accountId: string;
  title: string;
  description: string;
  source: string;
  status: string;
  severity?: string;
  priority?: number;
  category?: string;
  operationalData: Record<string, OpsItemDataValue>;
  relatedOpsItems: string[];
  createdBy: string;
  createdTime: Date;
  lastModifiedBy: string;
  lastModifiedTime: Date;
  version: number;
  /** From `/aws/dedup`: another create with it is refused while this one is not resolved. */
  dedupString?: string;
}

/** `oi-` and 12 lowercase hex digits, as OpsCenter answers (and the model's OpsItemId pattern). */
export function newOpsItemId(): string {
  return `oi-${randomBytes(6).toString('hex')}`;
}

/**
 * The statuses an OpsItem of the default type (`/aws/issue`) may take; the model's enum also
 * lists those of change requests and Automation-driven items, which UpdateOpsItem refuses here.
 */
export const ISSUE_STATUSES = new Set(['Open', 'InProgress', 'Resolved']);

/** Operational data keys may not start with these (AWS's documented reserved prefixes). */
const RESERVED_PREFIXES = ['amazon', 'aws', 'amzn', 'ssm', '/amazon', '/aws', '/amzn', '/ssm'];
/** The `/aws/` keys OpsCenter itself defines, which callers may set. */
const AWS_KEYS = new Set(['/aws/dedup', '/aws/resources', '/aws/automations']);
/** A value may hold at most 20 KB. */
const MAX_VALUE_BYTES = 20 * 1024;
/** OpsCenter's severity scale. */
const SEVERITIES = new Set(['1', '2', '3', '4']);

function invalid(parameter: string, message: string) {
  return ssmError('OpsItemInvalidParameterException', message, { ParameterNames: [parameter] });
}

/** Refuses operational data OpsCenter would: reserved key prefixes, values over 20 KB, a bad /aws/dedup. */
export function checkOperationalData(data: Record<string, OpsItemDataValue> | undefined): void {
  for (const [key, value] of Object.entries(data ?? {})) {
    const lower = key.toLowerCase();
    if (!AWS_KEYS.has(key) && RESERVED_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
      throw invalid('OperationalData', `Operational data key ${key} uses a reserved prefix.`);
    }
    if (Buffer.byteLength(value.Value ?? '', 'utf8') > MAX_VALUE_BYTES) {
      throw invalid('OperationalData', `The value of operational data key ${key} is larger than 20 KB.`);
    }
    if (key === '/aws/dedup') readDedupString(value);
    if (key === '/aws/resources') checkResources(value);
  }
}

/** `/aws/resources` is a JSON list of `{"arn": "…"}`. */
function checkResources(value: OpsItemDataValue): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.Value ?? '');
  } catch {
    parsed = undefined;
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.every((entry) => typeof entry?.arn === 'string' && (entry.arn as string).startsWith('arn:'));
  if (!ok) throw invalid('OperationalData', 'The /aws/resources value must be a JSON list of {"arn": "…"}.');
}

/** The dedupString of a `/aws/dedup` value (`{"dedupString":"…"}`), else a refusal. */
export function readDedupString(value: OpsItemDataValue | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value.Value ?? '') as { dedupString?: unknown };
    if (typeof parsed.dedupString === 'string' && parsed.dedupString !== '') return parsed.dedupString;
  } catch {
    // Answered below.
  }
  throw invalid('OperationalData', 'The /aws/dedup value must be JSON with a dedupString.');
}

export function checkSeverity(severity: string | undefined): void {
  if (severity !== undefined && !SEVERITIES.has(severity)) {
    throw invalid('Severity', `Severity ${severity} is not valid: use 1, 2, 3 or 4.`);
  }
}

/** Related OpsItems must exist in the caller's account. */
export function checkRelated(
  context: HandlerContext,
  related: { OpsItemId?: string }[] | undefined,
): string[] {
  const ids = (related ?? []).map((item) => item.OpsItemId ?? '');
  for (const id of ids) {
    if (!/^oi-[0-9a-f]{12}$/.test(id) || !findOpsItem(context, id)) {
      throw invalid('RelatedOpsItems', `Related OpsItem ${id} does not exist.`);
    }
  }
  return ids;
}

export function findOpsItem(context: HandlerContext, id: string): OpsItemRecord | undefined {
  const item = context.state.ssm.opsItems.get(id);
  return item && item.accountId === context.accountId ? item : undefined;
}

/** An OpsItem of the caller's account: another account's is as unknown to it as on AWS. */
export function requireOpsItem(context: HandlerContext, id: string): OpsItemRecord {
  const item = findOpsItem(context, id);
  if (!item) throw ssmError('OpsItemNotFoundException', `OpsItem ${id} does not exist.`);
  return item;
}

/** Who the emulator says made a call: the caller's account. */
export function callerArn(context: HandlerContext): string {
  return `arn:aws:iam::${context.accountId}:user/warroom-emulator`;
}
