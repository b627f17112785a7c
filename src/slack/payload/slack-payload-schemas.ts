import { z } from 'zod';

/**
 * The envelope of every Slack payload warroom accepts: each field Bolt dereferences before any
 * listener runs (App#processEvent, buildSource, the built-in middleware) and each field warroom's
 * listeners rely on being there. Shapes from test/fixtures/slack and Slack's reference; unknown
 * fields pass (Slack adds fields over time). Listeners still parse their own details (a button's
 * value, a modal's inputs): this is the part every listener of a kind shares.
 */

const id = z.string().min(1);
/** response_url and friends: Slack's are https://hooks.slack.com/…; the local Slack's are http. */
const replyUrl = z.url({ protocol: /^https?$/ });
/** Bolt reads `user.id` of every interaction unconditionally. */
const user = z.looseObject({ id, team_id: z.string().nullish() });
/** Bolt reads `team.id` when team is not null (null on org-wide installs), `enterprise.id` likewise. */
const team = z.looseObject({ id: z.string(), enterprise_id: z.string().optional() }).nullish();
const enterprise = z.looseObject({ id: z.string() }).nullish();
/** Bolt builds respond() from the first of these (view_submission with response_url_enabled). */
const responseUrls = z.array(z.looseObject({ response_url: replyUrl })).optional();

const interaction = { user, team, enterprise, response_urls: responseUrls };

/** One input's state in a view: every input is an object (a text input's value may be null). */
const viewState = z.looseObject({
  values: z.record(z.string(), z.record(z.string(), z.looseObject({}))),
});

const view = z.looseObject({
  id,
  callback_id: z.string(),
  private_metadata: z.string().optional(),
  hash: z.string().optional(),
  app_installed_team_id: z.string().nullish(),
  state: viewState.optional(),
});

/** A slash command (form fields, all strings): `/incident` reads each of these. */
export const commandSchema = z.looseObject({
  command: z.string().regex(/^\/\S+$/, 'expected a slash command name'),
  text: z.string(),
  user_id: id,
  channel_id: id,
  team_id: z.string().optional(),
  enterprise_id: z.string().optional(),
  response_url: replyUrl,
  trigger_id: id,
});

const blockAction = z.looseObject({
  type: id,
  action_id: id,
  block_id: z.string().optional(),
  action_ts: z.string().optional(),
});

/** A click or a choice in a card, a page DM, a thread message, App Home or a modal. */
export const blockActionsSchema = z.looseObject({
  ...interaction,
  type: z.literal('block_actions'),
  trigger_id: id,
  // Absent for App Home and modals; Bolt reads `channel.id` whenever the key is there.
  channel: z.looseObject({ id }).optional(),
  container: z
    .looseObject({ channel_id: z.string().optional(), message_ts: z.string().optional() })
    .optional(),
  message: z.looseObject({ ts: id, blocks: z.array(z.unknown()).optional() }).optional(),
  view: view.optional(),
  state: viewState.optional(),
  response_url: replyUrl.optional(),
  actions: z.array(blockAction).min(1),
});

/** Legacy interactions (attachments, dialogs) warroom never sends; kept safe for Bolt to sort. */
export const otherActionSchema = z.looseObject({
  ...interaction,
  type: id,
  channel: z.looseObject({ id }).optional(),
  actions: z.array(z.looseObject({})).optional(),
  response_url: replyUrl.optional(),
});

/** A type-ahead request (block_suggestion, legacy dialog suggestions). */
export const optionsSchema = z.looseObject({
  ...interaction,
  type: id,
  channel: z.looseObject({ id }).optional(),
});

export const globalShortcutSchema = z.looseObject({
  ...interaction,
  type: z.literal('shortcut'),
  callback_id: id,
  trigger_id: id,
});

/** A message shortcut ("Add to incident timeline"): the message and where it is. */
export const messageShortcutSchema = z.looseObject({
  ...interaction,
  type: z.literal('message_action'),
  callback_id: id,
  trigger_id: id,
  channel: z.looseObject({ id }),
  message: z.looseObject({ ts: id }),
  response_url: replyUrl,
});

export const viewSubmissionSchema = z.looseObject({
  ...interaction,
  type: z.literal('view_submission'),
  view: view.extend({ state: viewState }),
});

export const viewClosedSchema = z.looseObject({
  ...interaction,
  type: z.literal('view_closed'),
  view,
  is_cleared: z.boolean().optional(),
});

/**
 * An event's own fields as Bolt reads them: `user` is a string or an object with an id, `channel`
 * a string or an object, `item` and `subteam` objects. Anything else (null above all) throws
 * inside Bolt before a listener runs.
 */
const eventSchema = z.looseObject({
  type: id,
  user: z.union([z.string(), z.looseObject({ id: z.string().optional() })]).optional(),
  channel: z.union([z.string(), z.looseObject({})]).optional(),
  item: z.looseObject({}).optional(),
  subteam: z.looseObject({}).optional(),
});

/** The events warroom subscribes to (manifest.yml bot_events), with the fields its listeners read. */
const subscribedEventSchemas: Record<string, z.ZodType> = {
  reaction_added: eventSchema.extend({
    user: id,
    reaction: z.string(),
    item: z.looseObject({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
  }),
  app_home_opened: eventSchema.extend({ user: id, tab: z.string().optional() }),
};

export const eventCallbackSchema = z
  .looseObject({
    type: z.literal('event_callback'),
    team_id: z.string().optional(),
    enterprise_id: z.string().nullish(),
    authorizations: z
      .array(
        z.looseObject({
          team_id: z.string().nullish(),
          enterprise_id: z.string().nullish(),
          is_enterprise_install: z.boolean().optional(),
        }),
      )
      .optional(),
    event: eventSchema,
  })
  .superRefine((body, ctx) => {
    const schema = subscribedEventSchemas[body.event.type];
    if (!schema) return;
    const parsed = schema.safeParse(body.event);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['event', ...issue.path] });
    }
  });
