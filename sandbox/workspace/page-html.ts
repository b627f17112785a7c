import { BLOCK_KIT_CSS } from './blocks/index.ts';
import { WORKSPACE_CSS } from './page-styles.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The page: an empty shell the bundled script (/app.js) fills from the snapshot API. */
export function buildPageHtml(appName: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(appName)} sandbox · local Slack workspace</title>
<style>${BLOCK_KIT_CSS}${WORKSPACE_CSS}</style>
</head>
<body>
<div id="app" class="ws-app" data-testid="workspace">Loading the local workspace…</div>
<div id="overlays"></div>
<div id="toasts" class="ws-toasts" aria-live="polite"></div>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}
