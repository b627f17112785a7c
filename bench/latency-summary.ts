/** Latency figures of one series, in ms (rounded to 0.1), and how many requests failed. */
export interface LatencySummary {
  requests: number;
  failed: number;
  failures: Record<string, number>;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentile of ascending `sorted` (p in 0–100); null when empty. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function summarizeLatencies(latenciesMs: number[], failures: Record<string, number>): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
  return {
    requests: sorted.length + failed,
    failed,
    failures,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
  };
}

/** warroom ÷ bare, to two decimals; null when either is missing or the bare figure is 0. */
export function latencyRatio(warroom: number | null, bare: number | null): number | null {
  if (warroom === null || bare === null || bare === 0) return null;
  return Math.round((warroom / bare) * 100) / 100;
}
