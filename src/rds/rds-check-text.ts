import { type Incident, incidentId } from '../incidents/index.ts';
import type { KnownBlock } from '../slack/block-kit.ts';
import { ACTION_IDS } from '../slack/ids.ts';
import { escapeMrkdwn, truncate } from '../slack/mrkdwn.ts';
import { linesToSections, MAX_SECTION_TEXT } from '../slack/section-lines.ts';
import type { PostureFinding } from './posture-finding.ts';
import { type RdsTarget, TARGET_WORDS } from './rds-target.ts';

export interface RdsCheckReply {
  text: string;
  blocks: KnownBlock[];
}

/** `DB instance \`orders-db\`` in mrkdwn; the id came from an AWS message, so it is escaped. */
export function targetText(target: RdsTarget): string {
  return `${TARGET_WORDS[target.kind]} \`${escapeMrkdwn(target.id).replace(/`/g, "'")}\``;
}

/** The catalog runbook that runs an SSM document, and whether it fits the incident's resource. */
export type CatalogLookup = (document: string) => { id: string; title: string; fits: boolean } | undefined;

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
 * "Run <title>" beside a ✗ whose runbook fits: opens the Run runbook modal with it chosen. The value
 * names the incident as a card button does, plus the runbook (`{"seq":7,"v":3,"runbook":"…"}`).
 */
function remediationButton(
  incident: Pick<Incident, 'seq' | 'version'>,
  runbook: { id: string; title: string },
) {
  return {
    type: 'button' as const,
    action_id: ACTION_IDS.runRemediation,
    text: { type: 'plain_text' as const, text: truncate(`Run ${runbook.title}`, 75) },
    value: JSON.stringify({ seq: incident.seq, v: incident.version, runbook: runbook.id }),
  };
}

/**
 * The posture check as a reply: a headline counting the ✗, then every finding, failures first so
 * the eye lands on them. `subject` is mrkdwn naming what was checked (e.g. DB instance `orders-db`).
 * Each ✗ whose runbook fits this incident is a section of its own with a Run button beside it.
 */
export function buildRdsCheckReply(
  incident: Pick<Incident, 'seq' | 'version'>,
  subject: string,
  findings: readonly PostureFinding[],
  options: { note?: string; catalog?: CatalogLookup } = {},
): RdsCheckReply {
  const { seq } = incident;
  const catalog = options.catalog ?? (() => undefined);
  const failed = findings.filter((finding) => !finding.ok);
  const verdict =
    failed.length === 0
      ? `all ${findings.length} checks pass`
      : `${failed.length} of ${findings.length} checks fail`;
  const headline = `*${incidentId(seq)} · database check of ${subject}*: ${verdict}`;
  const ordered = [...failed, ...findings.filter((finding) => finding.ok)];
  const lines = [headline];
  const blocks: KnownBlock[] = [];
  let pending: string[] = [headline];
  for (const finding of ordered) {
    const line = findingLine(seq, finding, catalog);
    lines.push(line);
    const runbook = finding.ok || !finding.runbook ? undefined : catalog(finding.runbook);
    if (!runbook?.fits) {
      pending.push(line);
      continue;
    }
    blocks.push(...linesToSections(pending), {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(line, MAX_SECTION_TEXT) },
      accessory: remediationButton(incident, runbook),
    });
    pending = [];
  }
  if (options.note) {
    const note = `_${escapeMrkdwn(options.note)}_`;
    lines.push(note);
    pending.push(note);
  }
  blocks.push(...linesToSections(pending));
  return { text: lines.join('\n'), blocks };
}
