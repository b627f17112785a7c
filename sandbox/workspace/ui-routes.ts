import type { z } from 'zod';
import { sendBlockAction } from './block-action.ts';
import { addReaction, openAppHome, runMessageShortcut, sendComposerText } from './conversation-input.ts';
import type { ScenarioRuns } from './scenario-runs.ts';
import {
  blockActionSchema,
  composeSchema,
  drillControlSchema,
  fireScenarioSchema,
  homeOpenedSchema,
  reactionSchema,
  shortcutSchema,
  startDrillSchema,
  viewRequestSchema,
} from './ui-requests.ts';
import type { GetRoute, PostRoute } from './ui-server.ts';
import { closeView, submitView } from './view-interactions.ts';
import type { WorkspaceContext } from './workspace-context.ts';
import type { WorkspaceDrills } from './workspace-drills.ts';

type BlockActionBody = z.infer<typeof blockActionSchema>;
type ViewBody = z.infer<typeof viewRequestSchema>;
type ComposeBody = z.infer<typeof composeSchema>;
type ReactionBody = z.infer<typeof reactionSchema>;
type ShortcutBody = z.infer<typeof shortcutSchema>;
type StartDrillBody = z.infer<typeof startDrillSchema>;

/** Every POST the page makes: its body's schema and the interaction it becomes. */
export function postRoutes(
  context: WorkspaceContext,
  scenarios: ScenarioRuns,
  drills: WorkspaceDrills,
): Record<string, PostRoute> {
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
    '/api/drill/start': {
      schema: startDrillSchema,
      run: (body: StartDrillBody) => drills.start(body.scenario, body.pace),
    },
    '/api/drill/stop': { schema: drillControlSchema, run: async () => drills.stop() },
    '/api/drill/debrief': { schema: drillControlSchema, run: () => drills.debrief() },
  };
}

/** The page's JSON reads besides the snapshot: a scenario's briefing, read before a drill starts. */
export function getRoutes(drills: WorkspaceDrills): Record<string, GetRoute> {
  return {
    '/api/drill/briefing': (params) => {
      const scenario = params.get('scenario') ?? '';
      const briefing = drills.briefing(scenario);
      return briefing
        ? { status: 200, body: briefing }
        : { status: 404, body: { ok: false, message: `no scenario "${scenario}"` } };
    },
  };
}
