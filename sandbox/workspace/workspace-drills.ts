import type { Clock } from '../../src/clock.ts';
import type { LoadedScenario } from '../../src/drill/index.ts';
import { isBotError } from '../../src/errors.ts';
import { incidentId } from '../../src/incidents/index.ts';
import { type DrillPlace, drillHostIn } from '../drill/drill-host.ts';
import { DrillSession } from '../drill/drill-session.ts';
import type { Pace } from '../scenarios/run-scenario.ts';
import { briefingView, drillView } from './drill-view.ts';
import type { UiActionResult, UiBriefing, UiDrill } from './ui-contract.ts';

export interface WorkspaceDrillsOptions {
  scenarios: LoadedScenario[];
  place: DrillPlace;
  write: (text: string) => void;
  clock: Clock;
  /** Something the page should redraw changed. */
  changed: () => void;
  /** Something went wrong in the background: kept for the page to show. */
  notice: (text: string) => void;
  /** How often the store is read for "every incident resolved" (default 1 s). */
  pollMs?: number;
}

const reasonOf = (error: unknown) =>
  isBotError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);

/**
 * Drills run from the workspace page, one at a time: Start posts the briefing and publishes the
 * steps at the chosen pace, Stop ends the publishing, Debrief (or every incident resolved) ends
 * the drill with the debrief. The last drill stays shown with its debrief until the next starts.
 */
export class WorkspaceDrills {
  private current: DrillSession | undefined;
  private starting = false;

  constructor(private readonly options: WorkspaceDrillsOptions) {}

  briefing(scenarioId: string): UiBriefing | undefined {
    const loaded = this.options.scenarios.find(({ scenario }) => scenario.id === scenarioId);
    return loaded ? briefingView(loaded.scenario) : undefined;
  }

  view(): UiDrill | undefined {
    return this.current ? drillView(this.current.status()) : undefined;
  }

  private running(): DrillSession | undefined {
    return this.current && this.current.status().phase !== 'debriefed' ? this.current : undefined;
  }

  async start(scenarioId: string, pace: Pace): Promise<UiActionResult> {
    const running = this.running();
    if (running || this.starting) {
      const title = running ? `“${running.scenario.title}”` : 'another drill';
      return {
        ok: false,
        message: `A drill is running (${title}). One at a time: debrief it before starting another.`,
      };
    }
    const loaded = this.options.scenarios.find(({ scenario }) => scenario.id === scenarioId);
    if (!loaded) return { ok: false, message: `no scenario "${scenarioId}"` };
    this.starting = true;
    try {
      // An alert about a database with an open incident is added to that incident, so the drill
      // would open none of its own and its debrief would have nothing to read.
      const open = await this.options.place.warroom.store.listOpenIncidents();
      if (open.length > 0) {
        const ids = open.map((incident) => incidentId(incident.seq)).join(', ');
        return {
          ok: false,
          message: `Resolve ${ids} first: a drill's alerts would be added to ${open.length === 1 ? 'it' : 'them'} instead of opening the drill's own incidents.`,
        };
      }
      const host = drillHostIn(this.options.place, {
        channelLabel: '#alerts',
        write: this.options.write,
        clock: this.options.clock,
      });
      const session = await DrillSession.start({
        scenario: loaded.scenario,
        host,
        pace,
        clock: this.options.clock,
      });
      this.show(session);
      // Every incident resolved ends the drill by itself, as in Slack; the Debrief button sooner.
      void session.waitForTeam({ pollMs: this.options.pollMs ?? 1000 }).then(
        (outcome) => (outcome === 'resolved' ? this.finish(session) : undefined),
        () => undefined,
      );
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `The drill could not start: ${reasonOf(error)}` };
    } finally {
      this.starting = false;
      this.options.changed();
    }
  }

  /** Shows a drill started elsewhere (`npm run drill`), with its Stop and Debrief buttons. */
  show(session: DrillSession): void {
    this.current = session;
    this.options.changed();
    void session
      .publishingDone()
      .catch((error: unknown) => this.options.notice(`The drill's alerts stopped: ${reasonOf(error)}`))
      .finally(() => this.options.changed());
  }

  stop(): UiActionResult {
    const running = this.running();
    if (!running) return { ok: false, message: 'No drill is running.' };
    if (running.status().phase !== 'publishing')
      return { ok: false, message: 'Every alert of the drill is already out: Debrief ends it.' };
    running.stop();
    this.options.changed();
    return { ok: true };
  }

  async debrief(): Promise<UiActionResult> {
    if (!this.current) return { ok: false, message: 'No drill yet: press Start drill on a scenario first.' };
    return this.finish(this.current);
  }

  private async finish(session: DrillSession): Promise<UiActionResult> {
    const debriefing = session.debrief();
    this.options.changed();
    try {
      await debriefing;
      return { ok: true };
    } catch (error) {
      const message = `The debrief could not be posted: ${reasonOf(error)}`;
      this.options.notice(message);
      return { ok: false, message };
    } finally {
      this.options.changed();
    }
  }
}
