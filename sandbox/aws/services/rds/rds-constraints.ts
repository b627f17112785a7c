import type { ValidationIssue } from '../../validation/validation-issue.ts';

/**
 * The RDS model has almost no constraints; RDS documents them in prose. These are the ones for the
 * operations warroom calls (AWS-NOTES §2.4), with RDS's own wording.
 */
interface IdentifierRule {
  kind: 'identifier';
  max: number;
  /** Describe calls also take the resource ARN. */
  allowArn: boolean;
  /** Automated snapshot ids look like `rds:mydb-2026-01-01-00-00`. */
  allowRdsPrefix?: boolean;
}

interface RangeRule {
  kind: 'range';
  min: number;
  max: number;
}

type Rule = IdentifierRule | RangeRule;

const instanceId = (allowArn: boolean): Rule => ({ kind: 'identifier', max: 63, allowArn });
const MAX_RECORDS: Rule = { kind: 'range', min: 20, max: 100 };

const RULES: Record<string, Record<string, Rule>> = {
  DescribeDBInstances: { DBInstanceIdentifier: instanceId(true), MaxRecords: MAX_RECORDS },
  DescribeDBClusters: { DBClusterIdentifier: instanceId(true), MaxRecords: MAX_RECORDS },
  DescribeDBSnapshots: {
    DBInstanceIdentifier: instanceId(true),
    DBSnapshotIdentifier: { kind: 'identifier', max: 255, allowArn: true, allowRdsPrefix: true },
    MaxRecords: MAX_RECORDS,
  },
  DescribeDBSnapshotAttributes: {
    DBSnapshotIdentifier: { kind: 'identifier', max: 255, allowArn: true, allowRdsPrefix: true },
  },
  DescribeDBClusterSnapshots: {
    DBClusterIdentifier: instanceId(true),
    DBClusterSnapshotIdentifier: { kind: 'identifier', max: 63, allowArn: true, allowRdsPrefix: true },
    MaxRecords: MAX_RECORDS,
  },
  CreateDBSnapshot: {
    DBSnapshotIdentifier: { kind: 'identifier', max: 255, allowArn: false },
    DBInstanceIdentifier: instanceId(false),
  },
  CreateDBClusterSnapshot: {
    DBClusterSnapshotIdentifier: { kind: 'identifier', max: 63, allowArn: false },
    DBClusterIdentifier: instanceId(false),
  },
  RebootDBInstance: { DBInstanceIdentifier: instanceId(false) },
  DescribeDBLogFiles: { DBInstanceIdentifier: instanceId(false), MaxRecords: MAX_RECORDS },
  DownloadDBLogFilePortion: { DBInstanceIdentifier: instanceId(false) },
  DescribeEvents: { MaxRecords: MAX_RECORDS },
  DescribePendingMaintenanceActions: { MaxRecords: MAX_RECORDS },
};

/** 1–max letters, digits or hyphens; starts with a letter; no trailing hyphen, no `--`. */
export function isValidRdsIdentifier(value: string, max: number): boolean {
  return value.length <= max && /^[A-Za-z](?:[A-Za-z0-9]|-(?!-))*$/.test(value) && !value.endsWith('-');
}

function check(parameter: string, rule: Rule, value: unknown): ValidationIssue | undefined {
  const base = { path: parameter, members: [parameter], kind: 'invalid' as const, value, sensitive: false };
  if (rule.kind === 'range') {
    if (typeof value !== 'number' || (value >= rule.min && value <= rule.max)) return undefined;
    const constraint = `Member must be between ${rule.min} and ${rule.max}`;
    return {
      ...base,
      constraint,
      message: `Invalid value ${value} for ${parameter}. Must be between ${rule.min} and ${rule.max}`,
    };
  }
  if (typeof value !== 'string') return undefined;
  if (rule.allowArn && value.startsWith('arn:')) return undefined;
  const bare = rule.allowRdsPrefix && value.startsWith('rds:') ? value.slice(4) : value;
  if (isValidRdsIdentifier(bare, rule.max)) return undefined;
  return {
    ...base,
    constraint: 'Member must be a valid identifier',
    message:
      `The parameter ${parameter} is not a valid identifier. Identifiers must begin with a letter; ` +
      'must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.',
  };
}

export function validateRdsInput(operation: string, input: Record<string, unknown>): ValidationIssue[] {
  const rules = RULES[operation] ?? {};
  return Object.entries(rules).flatMap(([parameter, rule]) => check(parameter, rule, input[parameter]) ?? []);
}
