/** The workspace chrome around Block Kit: a light, Slack-like layout. Block Kit's own look is BLOCK_KIT_CSS. */
export const WORKSPACE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 15px/1.46668 Lato, "Segoe UI", system-ui, -apple-system, sans-serif; color: #1d1c1d; background: #fff; }
button { font: inherit; cursor: pointer; }
.ws-app { display: flex; height: 100vh; }
.ws-sidebar { flex: 0 0 240px; background: #3f0e40; color: #cfc3cf; display: flex; flex-direction: column; overflow-y: auto; }
.ws-team { color: #fff; font-weight: 900; font-size: 18px; padding: 14px 16px; border-bottom: 1px solid #5d2c5d; }
.ws-you { padding: 10px 16px; border-bottom: 1px solid #5d2c5d; font-size: 13px; }
.ws-you select { width: 100%; margin-top: 4px; padding: 4px; border-radius: 4px; border: 0; }
.ws-section-title { padding: 12px 16px 4px; font-size: 13px; font-weight: 700; }
.ws-nav-item { display: block; width: 100%; text-align: left; background: none; border: 0; color: inherit; padding: 3px 16px 3px 24px; font-size: 15px; }
.ws-nav-item:hover { background: #350d36; }
.ws-nav-item.ws-selected { background: #1164a3; color: #fff; }
.ws-main { flex: 1 1 auto; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid #ddd; }
.ws-header { padding: 12px 20px; border-bottom: 1px solid #ddd; font-weight: 900; font-size: 18px; }
.ws-messages { flex: 1; overflow-y: auto; padding: 8px 0 16px; }
.ws-empty { color: #616061; padding: 24px 20px; }
.ws-message { display: grid; grid-template-columns: 36px minmax(0, 1fr); gap: 8px; padding: 8px 20px; position: relative; }
.ws-message:hover { background: #f8f8f8; }
.ws-avatar { width: 36px; height: 36px; border-radius: 4px; background: #4a154b; color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 900; }
.ws-avatar.ws-bot { background: #1f2937; }
.ws-author { font-weight: 900; margin-right: 6px; }
.ws-app-badge { font-size: 10px; font-weight: 700; background: #e8e8e8; color: #616061; padding: 1px 4px; border-radius: 2px; margin-right: 6px; vertical-align: 2px; }
.ws-time { color: #616061; font-size: 12px; }
.ws-edited { color: #616061; font-size: 12px; margin-left: 4px; }
.ws-only-you { color: #616061; font-size: 13px; margin-bottom: 2px; }
.ws-ephemeral { background: #f4f9fd; }
.ws-text { white-space: pre-wrap; word-wrap: break-word; }
.ws-message > div { min-width: 0; }
.ws-file-image { max-width: min(480px, 100%); max-height: 320px; border: 1px solid #ddd; border-radius: 8px; margin-top: 6px; display: block; }
.ws-file-link { display: inline-block; margin-top: 6px; padding: 8px 12px; border: 1px solid #ddd; border-radius: 8px; }
.ws-reactions { display: flex; gap: 4px; margin-top: 4px; flex-wrap: wrap; }
.ws-reaction { background: #f2f2f2; border: 1px solid transparent; border-radius: 12px; padding: 0 8px; font-size: 12px; }
.ws-reaction.ws-mine { background: #e8f5fa; border-color: #1d9bd1; }
.ws-replies { background: none; border: 0; color: #1264a3; font-weight: 700; font-size: 13px; padding: 2px 0; }
.ws-message-menu { position: absolute; top: -12px; right: 20px; display: none; background: #fff; border: 1px solid #ddd; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
.ws-message:hover .ws-message-menu { display: flex; }
.ws-message-menu button { background: none; border: 0; padding: 4px 8px; font-size: 13px; }
.ws-message-menu button:hover { background: #f2f2f2; }
.ws-composer { padding: 12px 20px 20px; }
.ws-composer form { display: flex; border: 1px solid #bbb; border-radius: 8px; overflow: hidden; }
.ws-composer textarea { flex: 1; border: 0; padding: 10px 12px; font: inherit; resize: none; min-height: 44px; outline: none; }
.ws-composer button { border: 0; background: #007a5a; color: #fff; padding: 0 16px; font-weight: 700; }
.ws-composer-hint { color: #616061; font-size: 12px; margin-top: 4px; }
.ws-thread { flex: 0 0 380px; min-width: 0; display: flex; flex-direction: column; border-right: 1px solid #ddd; }
.ws-thread[hidden] { display: none; }
.ws-thread-header { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; border-bottom: 1px solid #ddd; font-weight: 900; }
.ws-close { background: none; border: 0; font-size: 18px; }
.ws-panel { flex: 0 0 340px; overflow-y: auto; background: #fafafa; padding: 12px 14px; font-size: 13px; }
.ws-panel h2 { font-size: 14px; margin: 16px 0 6px; }
.ws-panel h2:first-child { margin-top: 0; }
.ws-card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; margin-bottom: 8px; }
.ws-card-title { font-weight: 700; }
.ws-muted { color: #616061; }
.ws-status { display: inline-block; font-weight: 700; border-radius: 3px; padding: 0 5px; background: #eee; }
.ws-status-Success, .ws-status-available, .ws-status-RESOLVED { background: #e3f4ec; color: #007a5a; }
.ws-status-Failed, .ws-status-Cancelled, .ws-status-OPEN { background: #fbe6ea; color: #e01e5a; }
.ws-status-InProgress, .ws-status-Pending { background: #fdf3dc; color: #9b6a00; }
.ws-fire { background: #007a5a; color: #fff; border: 0; border-radius: 4px; padding: 3px 10px; font-weight: 700; margin-top: 6px; }
.ws-timeline { margin: 6px 0 0; padding-left: 16px; overflow-wrap: anywhere; }
.ws-steps { margin: 4px 0 0; padding-left: 16px; }
.ws-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); display: flex; align-items: center; justify-content: center; z-index: 10; }
.ws-modal { background: #fff; border-radius: 8px; width: 520px; max-height: 88vh; display: flex; flex-direction: column; box-shadow: 0 18px 48px rgba(0,0,0,.35); }
.ws-modal-header { display: flex; justify-content: space-between; align-items: center; padding: 18px 24px; font-size: 22px; font-weight: 900; border-bottom: 1px solid #ddd; }
.ws-modal-body { padding: 16px 24px; overflow-y: auto; }
.ws-modal-footer { display: flex; justify-content: flex-end; gap: 8px; padding: 16px 24px; border-top: 1px solid #ddd; }
.ws-button { border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 6px 14px; font-weight: 700; }
.ws-button-primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.ws-button-danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.ws-field-error { color: #e01e5a; font-size: 13px; margin-top: 4px; }
.ws-stack-depth { color: #616061; font-size: 12px; padding: 0 24px 8px; }
.ws-toasts { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); display: flex; flex-direction: column; gap: 6px; z-index: 20; }
.ws-toast { background: #1d1c1d; color: #fff; padding: 8px 14px; border-radius: 6px; max-width: 640px; }
.ws-home { padding: 16px 20px; overflow-y: auto; flex: 1; }
.ws-start-drill { background: #4a154b; margin-left: 6px; }
.ws-drill-live { border-color: #e8912d; box-shadow: 0 0 0 2px #fdf3dc; }
.ws-drill-buttons { display: flex; gap: 6px; margin-top: 8px; flex-wrap: wrap; }
.ws-drill-buttons .ws-button { padding: 3px 10px; font-size: 13px; }
.ws-drill-modal { width: 700px; }
.ws-drill-modal h3 { font-size: 15px; margin: 14px 0 4px; }
.ws-drill-modal code { background: #f2f2f2; border-radius: 3px; padding: 0 3px; font-size: 13px; }
.ws-drill-role ul, .ws-debrief-incidents { margin: 2px 0 8px; padding-left: 20px; }
.ws-checklist, .ws-debrief { list-style: none; margin: 4px 0 8px; padding-left: 4px; }
.ws-debrief li { margin: 3px 0; }
.ws-debrief-mark { display: inline-block; width: 1.2em; font-weight: 900; }
.ws-debrief-met .ws-debrief-mark { color: #007a5a; }
.ws-debrief-missed .ws-debrief-mark { color: #e01e5a; }
.ws-drill-pace { margin-right: auto; font-size: 13px; align-self: center; }
.ws-drill-started { background: #fdf3dc; padding: 6px 10px; border-radius: 4px; margin-top: 0; }
`;
