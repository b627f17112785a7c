import type { App, BlockAction } from '@slack/bolt';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { buildIncidentSummary, homeChannelOf, incidentId } from '../../src/incidents/index.ts';
import { joinIncident, joinReplyText } from '../../src/paging/index.ts';
import { ACTION_IDS } from '../../src/slack/ids.ts';
import type { CardClickArgs } from './card-click.ts';
import { parseButtonClick } from './card-click-payload.ts';
import { handleCardClick } from './handle-card-click.ts';
import { tellClicker } from './tell-clicker.ts';

/** "Join" in a page DM asking for help: into the incident's channel, on the timeline, in the thread. */
export function handleJoinButton(deps: SlackHandlerDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const join = { ...deps, alertChannel: deps.config.slack.alertChannel };
    let text: string;
    try {
      text = joinReplyText(await joinIncident(join, click.ref.seq, click.userId));
    } catch (error) {
      deps.logger.warn({ err: error, seq: click.ref.seq }, 'could not add a helper to the incident channel');
      text = `Slack would not add you to ${incidentId(click.ref.seq)}'s channel; ask someone in it to invite you.`;
    }
    await tellClicker(deps, args, click, text);
  });
}

/** "Open incident" in a page DM: the incident as `/incident show` draws it, and a link to its card. */
export function handleOpenIncidentButton(deps: SlackHandlerDeps, args: CardClickArgs): Promise<void> {
  return handleCardClick(deps, args, parseButtonClick, async (click) => {
    const incident = await deps.store.getIncident(click.ref.seq);
    if (!incident) {
      await tellClicker(deps, args, click, 'That incident does not exist.');
      return;
    }
    const unfinished = await deps.store.listUnfinishedOutbox(incident.seq);
    const summary = buildIncidentSummary(incident, unfinished, {
      defaultRegion: deps.config.aws.region,
      accounts: deps.config.accounts,
    });
    const card = await deps.store.getCard(
      incident.seq,
      homeChannelOf(incident, deps.config.slack.alertChannel),
    );
    const link = card?.ts ? await deps.slack.permalink(card.channel, card.ts).catch(() => '') : '';
    const blocks = link
      ? [
          ...summary.blocks,
          {
            type: 'context' as const,
            elements: [
              { type: 'mrkdwn' as const, text: `<${link}|Open ${incidentId(incident.seq)}'s card>` },
            ],
          },
        ]
      : summary.blocks;
    await tellClicker(deps, args, click, { text: summary.text, blocks });
  });
}

export function registerRecruitActions(app: App, deps: SlackHandlerDeps): void {
  app.action<BlockAction>(ACTION_IDS.joinIncident, (args) => handleJoinButton(deps, args));
  app.action<BlockAction>(ACTION_IDS.openIncident, (args) => handleOpenIncidentButton(deps, args));
}
