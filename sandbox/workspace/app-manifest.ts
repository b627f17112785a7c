import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const DEFAULT_MANIFEST = fileURLToPath(new URL('../../manifest.yml', import.meta.url));

const manifestSchema = z.object({
  display_information: z.object({ name: z.string() }),
  features: z
    .object({
      shortcuts: z
        .array(z.object({ name: z.string(), type: z.string(), callback_id: z.string() }))
        .default([]),
      slash_commands: z.array(z.object({ command: z.string() })).default([]),
    })
    .optional(),
  settings: z
    .object({
      event_subscriptions: z.object({ bot_events: z.array(z.string()).default([]) }).optional(),
    })
    .optional(),
});

/** What the sandbox honours of the app's manifest, as Slack would. */
export interface AppManifest {
  name: string;
  /** Slack sends an app only the events it subscribes to (`message.channels`, `reaction_added`…). */
  botEvents: Set<string>;
  /** Message shortcuts, offered in each message's menu. */
  messageShortcuts: Array<{ name: string; callbackId: string }>;
  slashCommands: Set<string>;
}

export function readAppManifest(path = DEFAULT_MANIFEST): AppManifest {
  const parsed = manifestSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path} is not a Slack app manifest: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const { data } = parsed;
  return {
    name: data.display_information.name,
    botEvents: new Set(data.settings?.event_subscriptions?.bot_events ?? []),
    messageShortcuts: (data.features?.shortcuts ?? [])
      .filter((shortcut) => shortcut.type === 'message')
      .map((shortcut) => ({ name: shortcut.name, callbackId: shortcut.callback_id })),
    slashCommands: new Set((data.features?.slash_commands ?? []).map((command) => command.command)),
  };
}
