import type { z } from 'zod';
import { sendBlockAction } from './block-action.ts';
import { addReaction, openAppHome, runMessageShortcut, sendComposerText } from './conversation-input.ts';
import type { ScenarioRuns } from './scenario-runs.ts';
import {
  blockActionSchema,
  composeSchema,
  fireScenarioSchema,
  homeOpenedSchema,
  reactionSchema,
  shortcutSchema,
  viewRequestSchema,
} from './ui-requests.ts';
import type { PostRoute } from './ui-server.ts';
import { closeView, submitView } from './view-interactions.ts';
import type { WorkspaceContext } from './workspace-context.ts';

type BlockActionBody = z.infer<typeof blockActionSchema>;
type ViewBody = z.infer<typeof viewRequestSchema>;
type ComposeBody = z.infer<typeof composeSchema>;
type ReactionBody = z.infer<typeof reactionSchema>;
type ShortcutBody = z.infer<typeof shortcutSchema>;

/** Every POST the page makes: its body's schema and the interaction it becomes. */
export function postRoutes(context: WorkspaceContext, scenarios: ScenarioRuns): Record<string, PostRoute> {
  return {
    '/api/block-action': {
      schema: blockActionSchema,
      run: (body: BlockActionBody) => sendBlockAction(context, body),
    },
    '/api/views/submit': { schema: viewRequestSchema, run: (body: ViewBody) => submitView(context, body) },
    '/api/views/close': { schema: viewRequestSchema, run: (body: ViewBody) => closeView(context, body) },
    '/api/compose': { schema: composeSchema, run: (body: ComposeBody) => sendComposerText(context, body) },
    '/api/home-opened': {
      schema: homeOpenedSchema,
      run: (body: { user: string }) => openAppHome(context, body.user),
    },
    '/api/reactions': { schema: reactionSchema, run: (body: ReactionBody) => addReaction(context, body) },
    '/api/shortcuts': {
      schema: shortcutSchema,
      run: (body: ShortcutBody) => runMessageShortcut(context, body),
    },
    '/api/scenarios/fire': {
      schema: fireScenarioSchema,
      run: async (body: { id: string }) => scenarios.fire(body.id),
    },
  };
}
