/**
 * RDS event ID → event category, as AWS documents it in "Amazon RDS event categories and event
 * messages": the RDS User Guide (awsdocs/amazon-rds-user-guide doc_source/USER_Events.Messages.md
 * @ 07f207aa) and the Aurora User Guide (awsdocs/amazon-aurora-user-guide, same file @ 0181647f),
 * all source types (DB instance, cluster, snapshot, cluster snapshot, parameter group, security
 * group, RDS Proxy, blue/green deployment, custom engine version). An ID never has two different
 * categories across source types. Where AWS lists two categories ("maintenance, notification")
 * the first is kept, as EventBridge's `EventCategories[0]` would be.
 *
 * Only the number after `RDS-EVENT-` is listed, space-separated so the table stays readable. IDs not here map to `other`; add them from the
 * AWS page when they appear, never by guessing.
 */
export const RDS_EVENT_IDS_BY_CATEGORY = {
  availability: '0004 0006 0022 0221 0222',
  backup: '0001 0002 0074 0075 0086 0168 0169',
  backtrack: '0131 0132',
  'configuration change':
    '0009 0010 0011 0012 0014 0016 0017 0018 0024 0025 0028 0029 0030 0032 0033 0038 0067 0078 0092 0179 ' +
    '0180 0204 0207 0213 0214 0215 0217 0218',
  creation: '0005 0040 0042 0090 0091 0170 0203 0206 0244',
  deletion: '0003 0041 0171 0205 0208 0246',
  failover: '0013 0015 0034 0049 0050 0051 0065 0069 0070 0071 0072 0073',
  failure:
    '0031 0035 0036 0039 0058 0079 0080 0081 0082 0083 0143 0165 0188 0198 0219 0220 0223 0224 0237 0243 ' +
    '0245 0249 0252 0254 0261',
  'global failover': '0181 0182 0183 0184 0185 0186 0187',
  'low storage': '0007 0089 0227',
  maintenance: '0026 0027 0047 0155 0156 0191 0192 0193 0194 0195',
  notification:
    '0044 0048 0054 0055 0056 0059 0060 0061 0064 0076 0077 0084 0085 0087 0088 0141 0142 0144 0145 0146 ' +
    '0147 0148 0149 0150 0151 0152 0153 0154 0157 0158 0159 0160 0161 0162 0163 0164 0167 0172 0173 0189 ' +
    '0190 0196 0197 0225 0231 0234 0235 0236 0247 0248 0250 0251 0253 0259 0260',
  'read replica': '0045 0046 0057 0062 0063 0202',
  recovery: '0020 0021 0023 0052 0053 0066 0166',
  restoration: '0019 0043',
  security: '0068',
  'security patching': '0230',
} as const satisfies Record<string, string>;

/** An RDS event category as AWS names it ("low storage"). */
export type RdsEventCategory = keyof typeof RDS_EVENT_IDS_BY_CATEGORY;

/** Every documented ID with its category, for lookups and for tests that audit the table. */
export const RDS_EVENT_CATEGORIES: ReadonlyMap<string, RdsEventCategory> = new Map(
  Object.entries(RDS_EVENT_IDS_BY_CATEGORY).flatMap(([category, ids]) =>
    ids.split(/\s+/).map((id) => [`RDS-EVENT-${id}`, category as RdsEventCategory] as const),
  ),
);

/** Finds `RDS-EVENT-NNNN` in a bare ID or in the documentation URL RDS sends as "Event ID". */
export function extractRdsEventId(text: string | undefined | null): string | undefined {
  const match = /RDS-EVENT-\d{4,}/i.exec(text ?? '');
  return match?.[0].toUpperCase();
}

/** The category AWS documents for an event ID, or undefined when the ID is not in the table. */
export function categoryOfRdsEvent(eventId: string | undefined): RdsEventCategory | undefined {
  return eventId ? RDS_EVENT_CATEGORIES.get(eventId) : undefined;
}

/** "configuration change" → "configuration-change": the spelling used in signal types. */
export function toSignalCategory(category: string): string {
  const kebab = category
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab === '' ? 'other' : kebab;
}
