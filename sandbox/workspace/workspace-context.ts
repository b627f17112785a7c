import type { Clock } from '../../src/clock.ts';
import type { SlackEmulator } from '../slack/slack-emulator.ts';
import type { AppManifest } from './app-manifest.ts';
import type { ModalStacks } from './modal-stacks.ts';
import type { ResponseOrigins } from './response-origins.ts';
import { postSignedToApp, type SignedPostResult } from './signed-slack-post.ts';
import { buildEventCallback } from './slack-command-payloads.ts';
import { interactionFormBody, type JsonObject, type PayloadActor } from './slack-payloads.ts';
import type { UiActionResult } from './ui-contract.ts';
import type { UserReactions } from './user-reactions.ts';

/** What every interaction of the sandbox UI needs: the local Slack, the app's URL and the UI's own state. */
export interface WorkspaceContext {
  slack: SlackEmulator;
  clock: Clock;
  /** warroom's request URL: `<url>/slack/events`. */
  appUrl: string;
  signingSecret: string;
  modals: ModalStacks;
  origins: ResponseOrigins;
  reactions: UserReactions;
  manifest: AppManifest;
  /** Something the page shows changed: push an update to the browsers. */
  changed(): void;
}

export class UnknownUserError extends Error {}

/** The person as payloads name them; throws for someone not in the workspace. */
export function actorFor(context: WorkspaceContext, userId: string): PayloadActor {
  const { workspace } = context.slack;
  const user = workspace.users.find((candidate) => candidate.id === userId && !candidate.isBot);
  if (!user) throw new UnknownUserError(`no person ${userId} in the workspace`);
  return {
    teamId: workspace.teamId,
    teamDomain: workspace.teamDomain,
    appId: workspace.appId,
    userId: user.id,
    userName: user.name,
  };
}

/** The answer to the browser for what warroom said: Slack shows a warning when an app fails. */
export function resultOf(result: SignedPostResult, what: string): UiActionResult {
  if (result.status >= 200 && result.status < 300) return { ok: true };
  return {
    ok: false,
    message: `warroom answered HTTP ${result.status} to the ${what}${result.text ? `: ${result.text.slice(0, 200)}` : ''}`,
  };
}

/** POSTs an interaction payload (`payload=<JSON>`), signed. */
export function sendInteraction(context: WorkspaceContext, payload: JsonObject): Promise<SignedPostResult> {
  return postSignedToApp({
    url: context.appUrl,
    secret: context.signingSecret,
    clock: context.clock,
    body: interactionFormBody(payload),
    contentType: 'application/x-www-form-urlencoded',
  });
}

let eventCounter = 0;

/** POSTs an event_callback around `event`, signed; events the manifest does not subscribe to are not sent. */
export async function sendEvent(
  context: WorkspaceContext,
  subscription: string,
  event: JsonObject,
): Promise<SignedPostResult | undefined> {
  if (!context.manifest.botEvents.has(subscription)) return undefined;
  eventCounter += 1;
  const { workspace } = context.slack;
  const envelope = buildEventCallback({
    teamId: workspace.teamId,
    appId: workspace.appId,
    event,
    eventId: `Ev0UI${eventCounter.toString(36).toUpperCase().padStart(6, '0')}`,
    eventTime: Math.floor(context.clock.now().getTime() / 1000),
  });
  return postSignedToApp({
    url: context.appUrl,
    secret: context.signingSecret,
    clock: context.clock,
    body: JSON.stringify(envelope),
    contentType: 'application/json',
  });
}
