/**
 * Parses the timestamp styles AWS puts inside notification bodies:
 * - ISO 8601 (`2018-10-06T12:26:13.882Z`),
 * - CloudWatch's offset without a colon (`2024-05-14T09:31:07.421+0000`), which `Date` does not
 *   reliably accept,
 * - RDS event notifications' zone-less `2024-05-14 09:42:18.302`, which AWS means as UTC.
 * Answers `undefined` for anything else so callers can fall back to the SNS timestamp.
 */
export function parseAwsTime(text: string | undefined | null): Date | undefined {
  if (!text) return undefined;
  let normalised = text.trim().replace(' ', 'T');
  normalised = normalised.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  // No zone at all: RDS means UTC, and `Date` would otherwise read it as local time.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(normalised)) normalised += 'Z';
  if (!/^\d{4}-\d{2}-\d{2}T/.test(normalised)) return undefined;
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
