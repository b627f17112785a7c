import { incidentId } from '../incident/incident.ts';
import type { PostureFinding } from '../rds/posture-finding.ts';
import { type RdsTarget, TARGET_WORDS } from '../rds/rds-target.ts';
import type { KnownBlock } from './block-kit.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { linesToSections } from './section-lines.ts';

export interface RdsCheckReply {
  text: string;
  blocks: KnownBlock[];
}

/** `DB instance \`orders-db\`` in mrkdwn; the id came from an AWS message, so it is escaped. */
export function targetText(target: RdsTarget): string {
  return `${TARGET_WORDS[target.kind]} \`${escapeMrkdwn(target.id).replace(/`/g, "'")}\``;
}

/** The catalog runbook that runs an SSM document, and whether it fits the incident's resource. */
export type CatalogLookup = (document: string) => { id: string; fits: boolean } | undefined;

function remedy(seq: number, document: string, catalog: CatalogLookup): string {
  const entry = catalog(document);
  if (!entry)
    return `Fix: \`${document}\`; it is not in warroom's runbook catalog (add it under \`runbooks:\` to run it from Slack).`;
  if (!entry.fits)
    return `Fix: \`${document}\` (runbook \`${entry.id}\`, run from an incident about that resource).`;
  return `Fix: \`${document}\`; run it with \`/incident runbook ${incidentId(seq)} ${entry.id}\`.`;
}

/** One finding: ✓/✗, what, why; a ✗ names the AWS runbook that fixes it and how to run it. */
export function findingLine(
  seq: number,
  finding: PostureFinding,
  catalog: CatalogLookup = () => undefined,
): string {
  const head = `${finding.ok ? '✓' : '✗'} *${escapeMrkdwn(finding.label)}* — ${escapeMrkdwn(finding.why)}`;
  if (finding.ok) return head;
  if (!finding.runbook) return `${head} No AWS runbook fixes this; change it on the DB itself.`;
  return `${head} ${remedy(seq, finding.runbook, catalog)}`;
}

/**
 * The posture check as a reply: a headline counting the ✗, then every finding, failures first so
 * the eye lands on them. `subject` is mrkdwn naming what was checked (e.g. DB instance `orders-db`).
 */
export function buildRdsCheckReply(
  seq: number,
  subject: string,
  findings: readonly PostureFinding[],
  options: { note?: string; catalog?: CatalogLookup } = {},
): RdsCheckReply {
  const failed = findings.filter((finding) => !finding.ok);
  const verdict =
    failed.length === 0
      ? `all ${findings.length} checks pass`
      : `${failed.length} of ${findings.length} checks fail`;
  const headline = `*${incidentId(seq)} · database check of ${subject}*: ${verdict}`;
  const ordered = [...failed, ...findings.filter((finding) => finding.ok)];
  const lines = ordered.map((finding) => findingLine(seq, finding, options.catalog));
  if (options.note) lines.push(`_${escapeMrkdwn(options.note)}_`);
  return {
    text: [headline, ...lines].join('\n'),
    blocks: linesToSections([headline, ...lines]),
  };
}
