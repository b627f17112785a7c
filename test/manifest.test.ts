import { readFileSync } from 'node:fs';
import type { App } from '@slack/bolt';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { registerSlackHandlers } from '../handlers/register-slack-handlers.ts';
import type { SlackHandlerDeps } from '../src/app.ts';
import { SHORTCUT_IDS, SLASH_COMMAND } from '../src/slack/ids.ts';

const REQUEST_URL = 'https://warroom.example.com/slack/events';

/** The bot scopes each Web API method needs; a method the gateway starts calling must be added here. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  // chat:write.public: cards go to the alert channel whether or not the bot was invited.
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.getPermalink': [],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
  'usergroups.users.list': ['usergroups:read'],
  // /incident page by @handle or display name: people and user groups are looked up by name.
  'usergroups.list': ['usergroups:read'],
  'users.list': ['users:read'],
  // Public and private channels each need their own scope; warroom supports both. A page's DM is
  // looked for in the DM's history (im:history) when Slack's answer to posting it was lost.
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'conversations.create': ['channels:manage', 'groups:write'],
  'conversations.invite': ['channels:manage', 'groups:write'],
  'conversations.setTopic': ['channels:manage', 'groups:write'],
  'conversations.info': ['channels:read', 'groups:read'],
  // A page's DM: conversations.open with one user.
  'conversations.open': ['im:write'],
  'users.info': ['users:read'],
  // An SSM Contacts contact is named in Slack by its email; Slack grants users:read.email only
  // together with users:read.
  'users.lookupByEmail': ['users:read', 'users:read.email'],
  'reactions.add': ['reactions:write'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  // The post-incident review: a channel canvas, or a standalone one shared with the alert channel.
  'conversations.canvases.create': ['canvases:write'],
  'canvases.create': ['canvases:write'],
  'canvases.edit': ['canvases:write'],
  'canvases.access.set': ['canvases:write'],
};

/** The scope each Events API event needs. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  reaction_added: ['reactions:read'],
};

const manifestSchema = z.object({
  features: z.object({
    app_home: z.object({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean().optional(),
    }),
    shortcuts: z.array(
      z.object({
        name: z.string(),
        type: z.enum(['message', 'global']),
        callback_id: z.string(),
        description: z.string(),
      }),
    ),
    slash_commands: z.array(
      z.object({
        command: z.string(),
        url: z.string(),
        description: z.string(),
        usage_hint: z.string(),
        should_escape: z.boolean(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: z.string(), bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string() }),
  }),
});
type Manifest = z.infer<typeof manifestSchema>;

interface Registered {
  commands: string[];
  shortcuts: string[];
  events: string[];
}

/** Anything, callable, with any property: deps a listener may touch while being registered. */
function deepStub(): unknown {
  const target = () => deepStub();
  return new Proxy(target, { get: (_target, property) => (property === 'then' ? undefined : deepStub()) });
}

/** Registers warroom's real listeners on a stand-in App that only notes what was registered. */
function recordRegistrations(): Registered {
  const registered: Registered = { commands: [], shortcuts: [], events: [] };
  const idOf = (first: unknown) =>
    typeof first === 'string' ? first : String((first as { callback_id?: unknown }).callback_id);
  const recorder: Record<string, (first: unknown) => void> = {
    command: (first) => registered.commands.push(idOf(first)),
    shortcut: (first) => registered.shortcuts.push(idOf(first)),
    event: (first) => registered.events.push(idOf(first)),
  };
  const app = new Proxy(recorder, {
    get: (target, property) => target[String(property)] ?? (() => undefined),
  });
  registerSlackHandlers(app as unknown as App, deepStub() as SlackHandlerDeps);
  return registered;
}

/** Every Web API method the Slack gateway calls, read from its source (and its history reads). */
function gatewayMethods(): string[] {
  const source = ['slack-gateway.ts', 'slack-history.ts', 'slack-canvases.ts']
    .map((file) => readFileSync(new URL(`../src/slack/${file}`, import.meta.url), 'utf8'))
    .join('\n');
  return [
    ...new Set([...source.matchAll(/this\.call\(\s*'([A-Za-z.]+)'/g)].map((match) => match[1] as string)),
  ];
}

let manifest: Manifest;
let registered: Registered;

beforeAll(() => {
  manifest = manifestSchema.parse(parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')));
  registered = recordRegistrations();
});

describe('manifest.yml declares what the code registers and calls', () => {
  it('declares the /incident slash command, unescaped, with a usage hint, at the events URL', () => {
    const command = manifest.features.slash_commands.find((entry) => entry.command === SLASH_COMMAND);
    expect(command).toMatchObject({ url: REQUEST_URL, should_escape: false });
    expect(command?.usage_hint).toContain('declare');
    expect(command?.description.length).toBeGreaterThan(0);
    for (const name of registered.commands) {
      expect(manifest.features.slash_commands.map((entry) => entry.command)).toContain(name);
    }
  });

  it('declares the "Add to incident timeline" message shortcut and every shortcut the code handles', () => {
    expect(registered.shortcuts).toContain(SHORTCUT_IDS.addToTimeline);
    const shortcut = manifest.features.shortcuts.find(
      (entry) => entry.callback_id === SHORTCUT_IDS.addToTimeline,
    );
    expect(shortcut).toMatchObject({ name: 'Add to incident timeline', type: 'message' });
    for (const id of registered.shortcuts) {
      expect(manifest.features.shortcuts.map((entry) => entry.callback_id)).toContain(id);
    }
    for (const entry of manifest.features.shortcuts)
      expect(entry.description.length).toBeLessThanOrEqual(150);
  });

  it('subscribes to exactly the events the code listens to, with interactivity on the same URL', () => {
    expect(registered.events).toEqual(expect.arrayContaining(['reaction_added', 'app_home_opened']));
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...new Set(registered.events)].sort(),
    );
    expect(manifest.settings.event_subscriptions.request_url).toBe(REQUEST_URL);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: REQUEST_URL });
  });

  it('shows the DMs warroom sends (pages) in the Messages tab, read-only since it reads no DMs', () => {
    const sendsDms = gatewayMethods().includes('conversations.open');
    const readsDms = manifest.settings.event_subscriptions.bot_events.includes('message.im');
    expect(sendsDms).toBe(true);
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: sendsDms,
      messages_tab_read_only_enabled: !readsDms,
    });
  });

  it('knows the scopes of every Web API method the gateway calls', () => {
    const methods = gatewayMethods();
    expect(methods).toEqual(
      expect.arrayContaining(['chat.postMessage', 'conversations.history', 'views.publish']),
    );
    expect(methods.filter((method) => !(method in METHOD_SCOPES))).toEqual([]);
  });

  it('requests every bot scope the code needs, and no other', () => {
    const needed = new Set([
      ...gatewayMethods().flatMap((method) => METHOD_SCOPES[method] ?? []),
      ...registered.events.flatMap((event) => EVENT_SCOPES[event] ?? [`unknown scope for ${event}`]),
      'commands', // the /incident command and the message shortcut
    ]);
    const declared = manifest.oauth_config.scopes.bot;
    expect(declared.filter((scope) => !needed.has(scope))).toEqual([]);
    expect([...needed].filter((scope) => !declared.includes(scope))).toEqual([]);
    expect(new Set(declared).size).toBe(declared.length);
  });
});
