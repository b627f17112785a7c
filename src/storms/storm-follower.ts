import type { Incident } from '../incidents/index.ts';
import type { Logger } from '../logger.ts';
import { KeyedRunner } from '../work/keyed-runner.ts';
import type { StormGrouper } from './storm-grouper.ts';

/**
 * Lets a storm follow members that changed on their own (acknowledged, resolved or re-rated from
 * their early card, a command or a page): the storm's counts, list and impact catch up, and the
 * storm resolves once every member is. Requests for one storm coalesce, so a storm-wide change
 * (20 members at once) refreshes the storm once, not once per member.
 */
export class StormFollower {
  private readonly runner = new KeyedRunner<number>(
    (stormSeq) => this.follow(stormSeq),
    (error, stormSeq) => this.deps.logger.warn({ err: error, stormSeq }, 'could not refresh the storm'),
  );

  constructor(
    private readonly deps: {
      grouper: Pick<StormGrouper, 'refresh'>;
      logger: Logger;
      /** The storm changed: its card, thread, Incident Manager and escalation follow. */
      onChanged: (storm: Incident) => void;
    },
  ) {}

  /**
   * An incident changed: if it is a member, its storm catches up; if it is a storm (a member was
   * split out, or a person acted on it), it catches up with the members it has now.
   */
  changed(incident: Incident): void {
    const stormSeq = incident.storm ? incident.seq : incident.stormSeq;
    if (stormSeq !== undefined) this.runner.request(stormSeq);
  }

  idle(): Promise<void> {
    return this.runner.idle();
  }

  get busy(): boolean {
    return this.runner.busy;
  }

  private async follow(stormSeq: number): Promise<void> {
    const storm = await this.deps.grouper.refresh(stormSeq);
    if (storm) this.deps.onChanged(storm);
  }
}
