/** A seeded alarm: only what ListTagsForResource needs (alarms are not evaluated here). */
export interface AlarmSeed {
  name: string;
  tags?: Readonly<Record<string, string>>;
}

export interface AlarmRecord {
  name: string;
  arn: string;
  tags: Array<{ Key: string; Value: string }>;
}

/**
 * The account's CloudWatch alarms by name, for ListTagsForResource. Alarm names may hold colons
 * (`alert:5c2f…`), so the ARN's name is everything after `:alarm:`.
 */
export class CloudWatchAlarms {
  private readonly alarms = new Map<string, AlarmRecord>();

  constructor(private readonly env: { accountId: string; region: string }) {}

  add(seed: AlarmSeed): AlarmRecord {
    const record: AlarmRecord = {
      name: seed.name,
      arn: `arn:aws:cloudwatch:${this.env.region}:${this.env.accountId}:alarm:${seed.name}`,
      tags: Object.entries(seed.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    };
    this.alarms.set(seed.name, record);
    return record;
  }

  /** Alarm names are case-sensitive in CloudWatch. */
  get(name: string): AlarmRecord | undefined {
    return this.alarms.get(name);
  }
}
