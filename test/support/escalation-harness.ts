import { defaultYaml, type Harness } from './warroom-harness.ts';

/** Policy `0s → U0ALICE`, `5m → U0BOB`, plus whatever else the test needs. */
export function escalationYaml(extra = ''): string {
  return `${defaultYaml()}escalation:
  default:
    - after: 0s
      notify: [U0ALICE]
    - after: 5m
      notify: [U0BOB]
${extra}`;
}

/** The DMs the bot sent a person (the local Slack names a DM D + the user id without its U). */
export function dmsTo(harness: Harness, userId: string) {
  return harness.slack.messages(`D${userId.slice(1)}`);
}

/** conversations.open calls for one person. */
export function dmOpensFor(harness: Harness, userId: string) {
  return harness.slack.callsTo('conversations.open').filter((call) => call.args['users'] === userId);
}

/** Moves the warroom along: one escalation pass, then everything it started. */
export async function tickEscalation(harness: Harness): Promise<void> {
  await harness.warroom.settled();
  await harness.warroom.escalation.tick();
  await harness.warroom.settled();
}
