/**
 * A modal that only says something: what a form submission is answered with when warroom cannot
 * act on it (`response_action: update`), so the person reads why in the modal they just submitted.
 */
export function buildNoticeModal(text: string) {
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'warroom' },
    close: { type: 'plain_text' as const, text: 'Close' },
    blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: text.slice(0, 3000) } }],
  };
}
