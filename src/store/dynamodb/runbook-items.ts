import { iso } from './keys.ts';

/**
 * What runbook execution and request items share (docs/store.md). Each item carries `rev`, bumped
 * by every write of it and the condition of the next, beside the port's `version` (which only
 * changes move).
 */
export interface Stored<T> {
  value: T;
  rev: number;
}

export const optionalDate = (value: unknown): Date | undefined =>
  typeof value === 'string' ? new Date(value) : undefined;
export const optionalIso = (at: Date | undefined): string | undefined => (at ? iso(at) : undefined);

/** Its thread message is not posted yet, or shows an older version. */
export const isBehind = (r: { threadTs?: string; renderedVersion: number; version: number }): boolean =>
  r.threadTs === undefined || r.renderedVersion < r.version;
