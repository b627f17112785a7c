/**
 * Block Kit → HTML for the sandbox's local Slack workspace UI. Pure (strings in, strings out; no
 * DOM, no Node APIs), so it runs in the browser bundle and in Node tests alike. README.md beside
 * this file documents the markup contract the UI attaches behaviour to.
 */
export { actionIdFor, blockIdFor } from './block-ids.ts';
export { renderBlocks } from './blocks.ts';
export { type RenderedModal, renderModal } from './modal.ts';
export { renderMrkdwn } from './mrkdwn.ts';
export type { RenderContext } from './render-context.ts';
export { stateValueFor } from './state-values.ts';
export { BLOCK_KIT_CSS } from './styles.ts';
export { renderPlainText } from './text-objects.ts';
