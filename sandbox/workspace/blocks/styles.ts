/**
 * The look of everything the renderer emits: Slack's light theme, scoped to `bk-` classes so it
 * can sit in any page. Self-contained (no fonts or images fetched).
 */
export const BLOCK_KIT_CSS = `
.bk-blocks { font: 15px/1.46668 Lato, "Segoe UI", system-ui, -apple-system, sans-serif; color: #1d1c1d; display: flex; flex-direction: column; gap: 8px; }
.bk-block { margin: 0; }
.bk-header { font-size: 18px; font-weight: 900; line-height: 1.33; }
.bk-divider { border: 0; border-top: 1px solid #dddddd; width: 100%; }
.bk-section { display: flex; gap: 12px; align-items: flex-start; }
.bk-section-main { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.bk-fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 16px; margin-top: 4px; }
.bk-section-text + .bk-fields { margin-top: 8px; }
.bk-accessory { flex: 0 0 auto; }
.bk-accessory-image { width: 88px; height: 88px; object-fit: cover; border-radius: 6px; }
.bk-context { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; font-size: 13px; color: #616061; }
.bk-context-image { width: 20px; height: 20px; border-radius: 4px; object-fit: cover; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.bk-image-picture { max-width: 100%; max-height: 360px; border-radius: 8px; display: block; }
.bk-image-title { font-size: 13px; color: #616061; margin-bottom: 4px; }
.bk-image-missing { display: inline-block; padding: 4px 8px; border: 1px solid #dddddd; border-radius: 4px; color: #616061; font-size: 13px; }
.bk-video { border-left: 4px solid #dddddd; padding-left: 12px; }
.bk-video-thumbnail { max-width: 100%; max-height: 240px; display: block; border-radius: 6px; margin: 4px 0; }
.bk-video-description, .bk-video-provider { font-size: 13px; color: #616061; }
.bk-file { padding: 8px 12px; border: 1px solid #dddddd; border-radius: 8px; }
.bk-link { color: #1264a3; text-decoration: none; }
.bk-link:hover { text-decoration: underline; }
.bk-mention { color: #1264a3; background: rgba(29, 155, 209, 0.1); border-radius: 3px; padding: 0 2px; }
.bk-broadcast { color: #1d1c1d; background: rgba(242, 199, 68, 0.4); }
.bk-code { font: 12px/1.5 Monaco, Menlo, Consolas, "Courier New", monospace; color: #e01e5a; background: rgba(29, 28, 29, 0.04); border: 1px solid rgba(29, 28, 29, 0.13); border-radius: 3px; padding: 2px 3px 1px; }
.bk-pre { font: 12px/1.5 Monaco, Menlo, Consolas, "Courier New", monospace; background: rgba(29, 28, 29, 0.04); border: 1px solid rgba(29, 28, 29, 0.13); border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.bk-pre .bk-code { color: inherit; background: none; border: 0; padding: 0; }
.bk-quote { border-left: 4px solid #dddddd; padding-left: 16px; margin: 4px 0; }
.bk-date { white-space: nowrap; }
.bk-emoji { font-style: normal; }
.bk-color-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; border: 1px solid rgba(0, 0, 0, 0.15); }
.bk-rt-section { white-space: pre-wrap; }
.bk-rt-list { margin: 2px 0; padding-left: 0; }
.bk-rt-list-border { border-left: 4px solid #dddddd; padding-left: 8px; }
.bk-md-heading { font-weight: 700; margin: 4px 0; }
.bk-md-h1 { font-size: 20px; } .bk-md-h2 { font-size: 18px; } .bk-md-h3 { font-size: 16px; }
.bk-md-paragraph { margin: 0 0 8px; }
.bk-md-list { margin: 4px 0; padding-left: 1.5em; }
.bk-button { font: 700 15px/1 Lato, "Segoe UI", system-ui, sans-serif; height: 36px; padding: 0 12px; border-radius: 4px; border: 1px solid rgba(29, 28, 29, 0.3); background: #ffffff; color: #1d1c1d; cursor: pointer; white-space: nowrap; }
.bk-button:hover { background: #f8f8f8; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); }
.bk-button-primary { background: #007a5a; border-color: #007a5a; color: #ffffff; }
.bk-button-primary:hover { background: #148567; }
.bk-button-danger { background: #e01e5a; border-color: #e01e5a; color: #ffffff; }
.bk-button-danger:hover { background: #e23067; }
.bk-button-url { color: #1264a3; }
.bk-external { font-weight: 400; }
.bk-select, .bk-overflow { font: 15px Lato, "Segoe UI", system-ui, sans-serif; height: 36px; padding: 0 8px; border: 1px solid rgba(29, 28, 29, 0.3); border-radius: 4px; background: #ffffff; color: #1d1c1d; max-width: 100%; }
.bk-multi-select { height: auto; min-height: 36px; padding: 4px; }
.bk-overflow { width: 36px; padding: 0; text-align: center; font-weight: 700; appearance: none; cursor: pointer; }
.bk-input { display: flex; flex-direction: column; gap: 4px; }
.bk-input-label { font-weight: 700; }
.bk-optional { font-weight: 400; color: #616061; }
.bk-input-control { font: 15px Lato, "Segoe UI", system-ui, sans-serif; padding: 8px 10px; border: 1px solid rgba(29, 28, 29, 0.3); border-radius: 4px; color: #1d1c1d; background: #ffffff; box-sizing: border-box; width: 100%; }
.bk-input-control:focus, .bk-select:focus { outline: none; border-color: #1264a3; box-shadow: 0 0 0 1px #1264a3, 0 0 0 5px rgba(29, 155, 209, 0.3); }
.bk-datepicker, .bk-timepicker, .bk-datetimepicker, .bk-number-input { width: auto; }
.bk-input .bk-select { width: 100%; }
.bk-hint { font-size: 13px; color: #616061; }
.bk-checkboxes, .bk-radio-buttons { border: 0; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.bk-choice { display: flex; gap: 8px; align-items: flex-start; }
.bk-choice input { margin-top: 4px; }
.bk-choice-description { display: block; font-size: 13px; color: #616061; }
.bk-unsupported { display: inline-block; padding: 6px 10px; border: 1px dashed #e8912d; border-radius: 4px; background: #fef6e9; color: #8a4b08; font: 13px Monaco, Menlo, Consolas, monospace; }
div.bk-unsupported { display: block; }
`;
