import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { BotError } from '../../src/errors.ts';

/** Source types as RDS names them (DescribeEvents `SourceType`, SNS "Event Source"). */
export const RDS_SOURCE_TYPES = [
  'db-instance',
  'db-cluster',
  'db-snapshot',
  'db-cluster-snapshot',
  'db-parameter-group',
  'db-security-group',
  'db-shard-group',
  'db-proxy',
  'blue-green-deployment',
  'custom-engine-version',
  'zero-etl',
] as const;

/** A category as AWS spells it ("low storage", "configuration change"): lowercase words. */
const category = z
  .string()
  .regex(/^[a-z]+( [a-z]+)*$/, 'expected a lowercase category such as "low storage"');

const eventSchema = z.strictObject({
  id: z.string().regex(/^RDS-EVENT-\d{4}$/, 'expected an ID such as RDS-EVENT-0049'),
  categories: z.array(category).min(1, 'every event needs at least one category'),
  sourceTypes: z.array(z.enum(RDS_SOURCE_TYPES)).min(1, 'every event needs a source type'),
  /** Keys of `sources`: the page(s) that list this ID. */
  in: z.array(z.string()).min(1, 'every event must name the page that lists it'),
});

const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url(),
  taken: z.iso.date(),
});

const catalogSchema = z
  .strictObject({
    sources: z.record(z.string(), sourceSchema),
    events: z.array(eventSchema).min(1),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.events.forEach((event, index) => {
      if (seen.has(event.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', index, 'id'],
          message: `${event.id} is listed twice`,
        });
      }
      seen.add(event.id);
      for (const source of event.in) {
        if (!(source in catalog.sources)) {
          ctx.addIssue({
            code: 'custom',
            path: ['events', index, 'in'],
            message: `${event.id} names "${source}", which is not under sources`,
          });
        }
      }
    });
  });

export type RdsEventCatalogEntry = z.output<typeof eventSchema>;
export type RdsEventCatalog = z.output<typeof catalogSchema>;

/**
 * Reads and checks the RDS event catalog text (YAML). Throws `RDS_EVENTS.CATALOG_INVALID`
 * naming every problem (a duplicate ID, an ID without a category, an unknown source page…).
 */
export function parseRdsEventCatalog(text: string): RdsEventCatalog {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new BotError('RDS_EVENTS.CATALOG_INVALID', 'The RDS event catalog is not valid YAML', {
      cause: error,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const result = catalogSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new BotError(
      'RDS_EVENTS.CATALOG_INVALID',
      `The RDS event catalog is invalid: ${problems.join('; ')}`,
    );
  }
  return result.data;
}

/** The catalog shipped next to this file, read once when warroom starts (a bad one stops it). */
export const RDS_EVENT_CATALOG: RdsEventCatalog = parseRdsEventCatalog(
  readFileSync(new URL('./rds-event-catalog.yml', import.meta.url), 'utf8'),
);

const BY_ID: ReadonlyMap<string, RdsEventCatalogEntry> = new Map(
  RDS_EVENT_CATALOG.events.map((event) => [event.id, event]),
);

/** The catalog entry for an ID, or undefined when AWS's pages (as last read) do not list it. */
export function findRdsEvent(eventId: string | undefined): RdsEventCatalogEntry | undefined {
  return eventId ? BY_ID.get(eventId) : undefined;
}

/** The newest `taken` date of the catalog's sources: how current warroom's list of RDS events is. */
export function rdsEventCatalogDate(catalog: RdsEventCatalog = RDS_EVENT_CATALOG): string {
  return Object.values(catalog.sources)
    .map((source) => source.taken)
    .sort()
    .at(-1)!;
}
