import { escapeMrkdwn } from './mrkdwn.ts';

/**
 * A Slack user or user-group mention as Slack writes it: `<@U0ALICE>`, `<@U0ALICE|alice>`,
 * `<!subteam^S0SRE>`, `<!subteam^S0SRE|@sre>`. Channel-wide pings (`<!channel>`, `<!here>`) are not
 * mentions of people and stay escaped.
 */
const MENTION = /<(@[UW][A-Z0-9]{2,20}|!subteam\^S[A-Z0-9]{2,20})(?:\|[^<>|]{0,80})?>/g;

export type Mention = { kind: 'user' | 'group'; id: string };

/** Escapes text for mrkdwn except the people and groups it mentions, which Slack then renders as mentions. */
export function escapeExceptMentions(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    out += escapeMrkdwn(text.slice(last, match.index));
    // The label is dropped: Slack shows the person's current name, not the one typed.
    out += `<${match[1]}>`;
    last = match.index + match[0].length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

/** Replaces each mention with what `name` says (e.g. a display name); the rest is left as it is. */
export async function replaceMentions(
  text: string,
  name: (mention: Mention) => Promise<string>,
): Promise<string> {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const target = match[1] ?? '';
    const mention: Mention = target.startsWith('@')
      ? { kind: 'user', id: target.slice(1) }
      : { kind: 'group', id: target.slice('!subteam^'.length) };
    out += text.slice(last, match.index) + (await name(mention));
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}
