import type { SandboxParts } from './ui-snapshot.ts';

/** Keeps the last few things people should read (a scenario that failed…). */
const MAX_NOTICES = 20;

/**
 * Scenarios fired from the page: run in the background (each waits for warroom to settle after
 * every step), shown as publishing until done, and a failure kept as a notice for the page
 * (with the drills' own failures).
 */
export class ScenarioRuns {
  readonly running: string[] = [];
  readonly notices: string[] = [];

  constructor(
    private readonly sandbox: Pick<SandboxParts, 'scenarios' | 'runScenario'>,
    private readonly changed: () => void,
  ) {}

  /** Starts `id`; answers at once whether it exists (the run goes on without the caller). */
  fire(id: string): { ok: boolean; message?: string } {
    if (!this.sandbox.scenarios().some((scenario) => scenario.id === id))
      return { ok: false, message: `no scenario "${id}"` };
    this.running.push(id);
    this.changed();
    this.sandbox
      .runScenario(id)
      .catch((error: unknown) =>
        this.notice(`Scenario ${id} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.running.splice(this.running.indexOf(id), 1);
        this.changed();
      });
    return { ok: true };
  }

  /** Keeps `text` for the page (the newest few). */
  notice(text: string): void {
    this.notices.push(text);
    this.notices.splice(0, Math.max(0, this.notices.length - MAX_NOTICES));
  }
}
