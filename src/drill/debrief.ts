import { type Incident, incidentId } from '../incidents/index.ts';
import { isRdsRead, type RdsRead } from '../rds/index.ts';
import type { RunbookExecution } from '../runbooks/index.ts';
import type { Store } from '../store/store.ts';
import type { Expectation } from './scenarios/scenario-schema.ts';

/** `met` and `missed` warroom can tell from its store; `ask` is for what only the team knows. */
export type DebriefOutcome = 'met' | 'missed' | 'ask';

export interface DebriefItem {
  label: string;
  outcome: DebriefOutcome;
  /** What actually happened, one short line. */
  detail: string;
}

/** One incident of the drill as warroom recorded it, for the debrief's "what happened". */
export interface DrillIncident {
  incident: Incident;
  executions: RunbookExecution[];
  notes: number;
  /** The database reads warroom answered on it, and who asked for each (first reader). */
  reads: Partial<Record<RdsRead, string>>;
}

export interface Debrief {
  items: DebriefItem[];
  incidents: DrillIncident[];
}

/** How the checklist went: every item counted, those for the team to answer said apart. */
export interface DebriefScore {
  met: number;
  total: number;
  toAsk: number;
}

export function scoreDebrief(debrief: Pick<Debrief, 'items'>): DebriefScore {
  return {
    met: debrief.items.filter((item) => item.outcome === 'met').length,
    total: debrief.items.length,
    toAsk: debrief.items.filter((item) => item.outcome === 'ask').length,
  };
}

/** `4 of 5 checks met, 1 for the team to answer`: the count covers every item the debrief lists. */
export function scoreText(score: DebriefScore): string {
  const asked = score.toAsk > 0 ? `, ${score.toAsk} for the team to answer` : '';
  return `${score.met} of ${score.total} check${score.total === 1 ? '' : 's'} met${asked}`;
}

const READ_COMMANDS: Record<RdsRead, string> = {
  status: '`/incident rds status`',
  check: '`/incident rds check`',
  logs: '`/incident rds logs`',
};

/** `status read`, `check run`: what the debrief says of each read. */
const READ_DONE: Record<RdsRead, string> = { status: 'read', check: 'run', logs: 'read' };

/** `status`, `status and logs`, `status, check and logs`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `2m 05s`, `45s`, `1h 02m`: how long something took. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60 && seconds % 60 === 0) return `${minutes}m`;
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** The checklist line of an expectation, when the file gives no label. */
export function expectationLabel(expectation: Expectation): string {
  if (expectation.label) return expectation.label;
  const on = expectation.resource ? ` (${expectation.resource})` : '';
  switch (expectation.kind) {
    case 'acknowledged':
      return `Acknowledged${expectation.within ? ` within ${formatDuration(expectation.within)}` : ''}${on}`;
    case 'impact-set':
      return `Impact set by a person${expectation.impact ? ` to ${expectation.impact}` : ''}${on}`;
    case 'runbook-run':
      return `Runbook ${expectation.runbook} run${on}`;
    case 'note-added':
      return `A note added to the timeline${on}`;
    case 'database-read': {
      const commands = expectation.reads.map((read) => READ_COMMANDS[read]).join(', ');
      return `Looked at the database ${listed(expectation.reads)} in warroom (${commands})${on}`;
    }
    case 'declared':
      return 'An incident declared in Slack';
    case 'resolved':
      return `Resolved${expectation.withSummary ? ' with a summary' : ''}${expectation.within ? ` within ${formatDuration(expectation.within)}` : ''}${on}`;
    case 'manual':
      return expectation.label;
  }
}

/**
 * Reads the incidents the drill opened (every sequence number above `firstSeq - 1`), with their
 * runbook executions and notes, from warroom's store.
 */
export async function readDrillIncidents(store: Store, firstSeq: number): Promise<DrillIncident[]> {
  const found: DrillIncident[] = [];
  for (let seq = firstSeq; ; seq++) {
    const incident = await store.getIncident(seq);
    if (!incident) return found;
    const timeline = await store.listTimeline(seq);
    const reads: Partial<Record<RdsRead, string>> = {};
    for (const read of ['status', 'check', 'logs'] as const) {
      const entry = timeline.find((candidate) => isRdsRead(candidate, read));
      if (entry) reads[read] = entry.actor;
    }
    found.push({
      incident,
      executions: await store.runbooks.listExecutions(seq),
      notes: timeline.filter((entry) => entry.kind === 'note' || entry.kind === 'message').length,
      reads,
    });
  }
}

/** The next sequence number the store will hand out: a drill's incidents start there. */
export async function nextIncidentSeq(store: Store): Promise<number> {
  let seq = 1;
  while (await store.getIncident(seq)) seq++;
  return seq;
}

type Verdict = (drill: DrillIncident) => { ok: boolean; detail: string };

function verdictFor(expectation: Exclude<Expectation, { kind: 'manual' | 'declared' }>): Verdict {
  switch (expectation.kind) {
    case 'acknowledged':
      return ({ incident }) => {
        if (!incident.acknowledgedAt) return { ok: false, detail: 'not acknowledged' };
        const took = incident.acknowledgedAt.getTime() - incident.openedAt.getTime();
        const by = incident.acknowledgedBy ? ` by ${incident.acknowledgedBy}` : '';
        return {
          ok: expectation.within === undefined || took <= expectation.within,
          detail: `acknowledged after ${formatDuration(took)}${by}`,
        };
      };
    case 'impact-set':
      return ({ incident }) => ({
        ok:
          incident.impactSetBy === 'person' &&
          (!expectation.impact || incident.impact === expectation.impact),
        detail: `impact ${incident.impact}, set by ${incident.impactSetBy === 'person' ? 'a person' : 'the signals'}`,
      });
    case 'runbook-run':
      return ({ executions }) => {
        const wanted = expectation.runbook;
        const runs = executions.filter((run) => run.runbookId === wanted || run.document === wanted);
        const ran = executions.map((run) => `${run.runbookId} (${run.status})`).join(', ');
        return { ok: runs.length > 0, detail: ran ? `ran ${ran}` : 'no runbook run' };
      };
    case 'note-added':
      return ({ notes }) => ({ ok: notes > 0, detail: `${notes} note${notes === 1 ? '' : 's'}` });
    case 'database-read':
      return ({ reads }) => {
        const said = expectation.reads.map((read) =>
          reads[read] ? `${read} ${READ_DONE[read]} by ${reads[read]}` : `${read} not ${READ_DONE[read]}`,
        );
        return { ok: expectation.reads.every((read) => reads[read]), detail: said.join('; ') };
      };
    case 'resolved':
      return ({ incident }) => {
        if (incident.status !== 'resolved' || !incident.resolvedAt)
          return { ok: false, detail: `still ${incident.status}` };
        const took = incident.resolvedAt.getTime() - incident.openedAt.getTime();
        const summary = incident.summary?.trim();
        const ok =
          (!expectation.withSummary || Boolean(summary)) &&
          (expectation.within === undefined || took <= expectation.within);
        return {
          ok,
          detail: `resolved after ${formatDuration(took)}${summary ? `: “${summary}”` : ' without a summary'}`,
        };
      };
  }
}

/**
 * The `expect` checklist against what warroom recorded. An expectation is met when every incident
 * it is about meets it (the alerts' incidents, or the one about `resource`); `declared` looks for
 * an incident declared by hand; `manual` items are for the team to answer.
 */
export function evaluateDebrief(expectations: readonly Expectation[], incidents: DrillIncident[]): Debrief {
  const fromAlerts = incidents.filter(({ incident }) => incident.source !== 'declared');
  const items = expectations.map((expectation): DebriefItem => {
    const label = expectationLabel(expectation);
    if (expectation.kind === 'manual')
      return { label, outcome: 'ask', detail: 'not recorded by warroom: ask the team' };
    if (expectation.kind === 'declared') {
      const declared = incidents.filter(({ incident }) => incident.source === 'declared');
      return declared.length > 0
        ? {
            label,
            outcome: 'met',
            detail: declared
              .map(({ incident }) => `${incidentId(incident.seq)} “${incident.title}”`)
              .join(', '),
          }
        : { label, outcome: 'missed', detail: 'no incident was declared' };
    }
    const about = expectation.resource
      ? fromAlerts.filter(({ incident }) => incident.resource?.id === expectation.resource)
      : fromAlerts;
    if (about.length === 0) {
      const what = expectation.resource ? `about ${expectation.resource}` : 'from the alerts';
      return { label, outcome: 'missed', detail: `no incident ${what} was opened` };
    }
    const verdicts = about.map((drill) => ({ seq: drill.incident.seq, ...verdictFor(expectation)(drill) }));
    const failed = verdicts.filter((verdict) => !verdict.ok);
    return { label, outcome: failed.length === 0 ? 'met' : 'missed', detail: summarise(verdicts, failed) };
  });
  return { items, incidents };
}

type IncidentVerdict = { seq: number; ok: boolean; detail: string };

/** One incident: its detail. Several: how many met it, and the first few that did not. */
function summarise(verdicts: IncidentVerdict[], failed: IncidentVerdict[]): string {
  if (verdicts.length === 1) return verdicts[0]!.detail;
  if (failed.length === 0) return `all ${verdicts.length} incidents`;
  const shown = failed.slice(0, 3).map((verdict) => `${incidentId(verdict.seq)} ${verdict.detail}`);
  const more = failed.length > 3 ? '; …' : '';
  return `${verdicts.length - failed.length} of ${verdicts.length} incidents; ${shown.join('; ')}${more}`;
}
