type Text = { type?: string; text?: string };
type Element = {
  type?: string;
  text?: Text | string;
  url?: string;
  value?: string;
  initial_option?: { text?: Text };
  placeholder?: Text;
};

function elementLabel(element: Element): string {
  if (element.type === 'static_select')
    return `▾ ${textOf(element.initial_option?.text ?? element.placeholder)}`;
  // An overflow has no label of its own: Slack draws it as "⋯".
  if (element.type === 'overflow') return '⋯';
  return textOf(element.text);
}
type Block = { type?: string; text?: Text; fields?: Text[]; elements?: Element[] };

/** mrkdwn for a terminal: links as "label (url)", dates as their fallback, entities decoded. */
export function mrkdwnToTerminal(text: string): string {
  return text
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:])/gm, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textOf(value: Text | string | undefined): string {
  if (value === undefined) return '';
  return mrkdwnToTerminal(typeof value === 'string' ? value : (value.text ?? ''));
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => `${prefix}${line}`);
}

/** Renders a Slack message's blocks as readable terminal lines (the sandbox's view of Slack). */
export function renderBlocks(blocks: unknown, fallbackText = ''): string[] {
  if (!Array.isArray(blocks) || blocks.length === 0) return indent(mrkdwnToTerminal(fallbackText), '│ ');
  const lines: string[] = [];
  for (const block of blocks as Block[]) {
    switch (block.type) {
      case 'header':
        lines.push(`│ ${textOf(block.text).toUpperCase()}`);
        break;
      case 'section':
        if (block.text) lines.push(...indent(textOf(block.text), '│ '));
        for (const field of block.fields ?? [])
          lines.push(...indent(textOf(field).replace('\n', ': '), '│   '));
        break;
      case 'context':
        lines.push(
          `│ · ${(block.elements ?? []).map((element) => textOf(element.text ?? (element as Text))).join('  ')}`,
        );
        break;
      case 'actions':
        lines.push(`│ ${(block.elements ?? []).map((element) => `[ ${elementLabel(element)} ]`).join(' ')}`);
        break;
      case 'divider':
        lines.push('│ ────────────────────────────────');
        break;
      default:
        lines.push(`│ (${block.type ?? 'unknown'} block)`);
    }
  }
  return lines;
}
