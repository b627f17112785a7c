/**
 * What a renderer needs from the workspace around it: names for the ids Slack text carries. The
 * optional members fill menus (users_select, conversations_select) and keep element ids unique
 * when several surfaces share one page.
 */
export interface RenderContext {
  /** U… → display name; undefined shows the id. */
  userName(id: string): string | undefined;
  /** C… → channel name (without #); undefined shows the label Slack sent, else the id. */
  channelName(id: string): string | undefined;
  /** S… → handle (with or without @). */
  usergroupHandle?(id: string): string | undefined;
  /** Everyone a users_select may offer; without it only the initial user is listed. */
  users?(): ReadonlyArray<{ id: string; name: string }>;
  /** Every channel a conversations_select / channels_select may offer; without it only the initial one. */
  channels?(): ReadonlyArray<{ id: string; name: string }>;
  /**
   * Text for a Slack date (`<!date^epoch^format|fallback>`, rich_text `date`) in the reader's terms,
   * e.g. "Nov 22nd at 10:00"; undefined (or no hook) shows Slack's fallback text.
   */
  formatDate?(epochSeconds: number, format: string): string | undefined;
  /** Prefix of the DOM ids this render writes (`<label for>` targets); default `bk`. */
  idPrefix?: string;
}
