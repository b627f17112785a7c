import type { Filter } from '@aws-sdk/client-ssm-incidents';
import { validationException } from './incidents-errors.ts';

/**
 * ssm-incidents list filters: several filters are AND-ed, several values within one `equals` are
 * OR-ed. Each key accepts only the condition kinds that make sense for it; anything else is a
 * ValidationException, so a typo in a filter key fails loudly instead of matching everything.
 */
/** The SDK's Condition union, widened so each member can be read without narrowing first. */
interface FilterCondition {
  before?: Date;
  after?: Date;
  equals?: { stringValues?: string[]; integerValues?: number[] };
}

export type FieldReader = (key: string) => Date | string | number | string[] | undefined;

export function matchesFilters(
  filters: Filter[] | undefined,
  read: FieldReader,
  keys: Record<string, 'time' | 'string' | 'integer'>,
): boolean {
  return (filters ?? []).every((filter) => matchesOne(filter, read, keys));
}

/** Throws for unknown keys or wrong condition kinds; call once before matching. */
export function checkFilters(
  filters: Filter[] | undefined,
  keys: Record<string, 'time' | 'string' | 'integer'>,
): void {
  for (const filter of filters ?? []) {
    const kind = keys[filter.key ?? ''];
    if (!kind) {
      throw validationException(
        `Filter key ${filter.key} is not supported. Supported keys: ${Object.keys(keys).join(', ')}`,
      );
    }
    const condition: FilterCondition = filter.condition ?? {};
    const isTime = condition.before !== undefined || condition.after !== undefined;
    const values = condition.equals;
    const okay =
      (kind === 'time' && isTime) ||
      (kind === 'string' && values?.stringValues !== undefined) ||
      (kind === 'integer' && values?.integerValues !== undefined);
    if (!okay) throw validationException(`Filter ${filter.key} does not support the given condition`);
  }
}

function matchesOne(
  filter: Filter,
  read: FieldReader,
  keys: Record<string, 'time' | 'string' | 'integer'>,
): boolean {
  const kind = keys[filter.key ?? ''];
  const actual = read(filter.key ?? '');
  const condition: FilterCondition = filter.condition ?? {};
  if (kind === 'time') {
    if (!(actual instanceof Date)) return false;
    if (condition.before !== undefined && !(actual < condition.before)) return false;
    if (condition.after !== undefined && !(actual > condition.after)) return false;
    return true;
  }
  const wanted: Array<string | number> =
    condition.equals?.stringValues ?? condition.equals?.integerValues ?? [];
  const candidates = Array.isArray(actual) ? actual : [actual];
  return candidates.some(
    (value) => value !== undefined && !(value instanceof Date) && wanted.includes(value),
  );
}
