import type { ResponsePost } from '../slack/slack-emulator.ts';

/** The message a response_url was issued for: a click on it, or none (a slash command's URL). */
export interface ResponseOrigin {
  channel: string;
  /** The UiMessage key (`h:<ts>`, `e:<n>`, `r:<n>`). */
  key: string;
}

/** What replies with replace_original / delete_original did to the messages they were issued for. */
export interface OriginEffects {
  hidden: Set<string>;
  /** A channel message replaced through its response_url: `h:<ts>` → the reply. */
  replaced: Map<string, ResponsePost>;
}

/**
 * Remembers which message each response_url belongs to, so `replace_original` and
 * `delete_original` change that message as Slack would (for everyone when it is a channel message,
 * for the one person when it was only visible to them).
 */
export class ResponseOrigins {
  private readonly origins = new Map<string, ResponseOrigin>();

  remember(url: string, origin: ResponseOrigin): void {
    this.origins.set(url, origin);
  }

  effects(posts: ResponsePost[]): OriginEffects {
    const effects: OriginEffects = { hidden: new Set(), replaced: new Map() };
    posts.forEach((post, index) => {
      const origin = this.origins.get(post.url);
      if (!origin || !(post.deleteOriginal || post.replaceOriginal)) return;
      const originKey = `${origin.channel}|${origin.key}`;
      if (post.deleteOriginal) {
        effects.hidden.add(originKey);
        effects.hidden.add(`${post.channel}|r:${index}`);
        return;
      }
      if (origin.key.startsWith('h:')) {
        effects.replaced.set(originKey, post);
        effects.hidden.add(`${post.channel}|r:${index}`);
      } else {
        // An ephemeral origin: the reply takes its place (it is shown at its own time).
        effects.hidden.add(originKey);
      }
    });
    return effects;
  }
}
