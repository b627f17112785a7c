import type { Sandbox } from '../run-sandbox.ts';
import type { AppManifest } from './app-manifest.ts';
import { snapshotAws } from './aws-snapshot.ts';
import { conversationsFor } from './conversation-directory.ts';
import { messagesFor } from './conversation-messages.ts';
import type { UiDrill, UiSnapshot } from './ui-contract.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export type SandboxParts = Pick<
  Sandbox,
  'aws' | 'slack' | 'warroom' | 'scenarios' | 'runScenario' | 'publish'
>;

/** Everything the page shows to `userId` now, in one JSON document. */
export function buildSnapshot(input: {
  context: WorkspaceContext;
  sandbox: SandboxParts;
  manifest: AppManifest;
  userId: string;
  version: number;
  notices: string[];
  runningScenarios: string[];
  drill: UiDrill | undefined;
}): UiSnapshot {
  const { context, sandbox, userId } = input;
  const { slack } = context;
  const { workspace } = slack;
  const conversations = conversationsFor(slack, userId);
  const effects = context.origins.effects(slack.responses());
  const sources = { slack, reactions: context.reactions, effects };
  const messages = Object.fromEntries(
    conversations.map((conversation) => [conversation.id, messagesFor(sources, conversation.id, userId)]),
  );
  const home = slack.views(userId).find((view) => view.type === 'home');
  return {
    version: input.version,
    teamName: workspace.teamName,
    botUserId: workspace.botUserId,
    appName: input.manifest.name,
    users: workspace.users.map((user) => ({
      id: user.id,
      name: user.name,
      realName: user.realName,
      isBot: user.isBot === true,
    })),
    usergroups: workspace.usergroups.map((group) => ({ id: group.id, handle: group.handle })),
    conversations,
    messages,
    modals: context.modals.stack(userId),
    ...(home ? { home } : {}),
    scenarios: sandbox.scenarios(),
    runningScenarios: input.runningScenarios,
    messageShortcuts: input.manifest.messageShortcuts,
    aws: snapshotAws(sandbox.aws.state, context.clock),
    notices: input.notices,
    ...(input.drill ? { drill: input.drill } : {}),
  };
}
