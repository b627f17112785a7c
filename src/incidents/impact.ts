/** Incident Manager's impact scale, kept everywhere: 1 is the worst. */
export type Impact = 1 | 2 | 3 | 4 | 5;

export const IMPACT_NAMES: Record<Impact, string> = {
  1: 'Critical',
  2: 'High',
  3: 'Medium',
  4: 'Low',
  5: 'No impact',
};

export const IMPACT_MEANINGS: Record<Impact, string> = {
  1: 'Full application failure',
  2: 'Partial application failure',
  3: 'Reduced service',
  4: 'Minimal impact',
  5: 'No impact yet: action needed to avoid impact',
};

export function isImpact(value: unknown): value is Impact {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** The more severe of two impacts (lower number wins). */
export function worseImpact(a: Impact, b: Impact): Impact {
  return a <= b ? a : b;
}
