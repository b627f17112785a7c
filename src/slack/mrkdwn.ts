/** Slack treats &, < and > as control characters in mrkdwn; text from AWS must not inject links or mentions. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a Block Kit limit, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A date Slack renders in each reader's time zone, with an ISO fallback for old clients. */
export function slackDate(date: Date): string {
  const epoch = Math.floor(date.getTime() / 1000);
  return `<!date^${epoch}^{date_short_pretty} {time}|${date.toISOString()}>`;
}

/** A 24-hour time of day in the reader's zone (`14:30`), UTC where Slack cannot render it. */
export function slackTime(date: Date): string {
  const epoch = Math.floor(date.getTime() / 1000);
  return `<!date^${epoch}^{time}|${date.toISOString().slice(11, 16)} UTC>`;
}

/** A link in mrkdwn; the label is escaped, the URL must not contain '|' or '>'. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${url.replace(/[|>]/g, encodeURIComponent)}|${escapeMrkdwn(label)}>`;
}
