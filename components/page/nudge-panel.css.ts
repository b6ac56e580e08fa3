/**
 * The nudge panel's styles as a plain string, so the badge can put them in a <style> inside its
 * shadow root, where the seller page's CSS cannot reach and ours cannot leak out.
 */
export const NUDGE_PANEL_CSS = `
  .pn-panel {
    box-sizing: border-box; width: 380px; max-width: calc(100vw - 24px); max-height: 80vh; overflow: auto;
    padding: 12px; border: 1px solid #d9d9d9; border-radius: 8px; background: #fff; color: #262626;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.16); text-align: left; white-space: normal;
    font: 13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  }
  .pn-panel *, .pn-panel *::before, .pn-panel *::after { box-sizing: border-box; }
  .pn-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 8px; }
  .pn-head h2 { margin: 0; font-size: 14px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .pn-section { margin: 0 0 10px; padding: 0; border: 0; min-width: 0; }
  .pn-section > legend, .pn-label { display: block; padding: 0; margin-bottom: 4px; font-weight: 600; color: #595959; }
  .pn-panel select { width: 100%; padding: 3px 6px; font: inherit; border: 1px solid #d9d9d9; border-radius: 4px; background: #fff; color: inherit; }
  .pn-preview, .pn-note {
    margin: 0 0 6px; padding: 6px 8px; border-radius: 4px; background: #fafafa; border: 1px solid #f0f0f0;
    white-space: pre-wrap; word-break: break-word;
  }
  .pn-note { font-family: ui-monospace, Menlo, Consolas, "PingFang SC", monospace; }
  .pn-missing { background: #fff1b8; color: #ad4e00; font-weight: 600; padding: 0 2px; border-radius: 2px; }
  .pn-hint { margin: 0 0 6px; color: #6b6b6b; font-size: 12px; }
  .pn-hint.pn-warn { color: #ad4e00; }
  .pn-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  .pn-choices { display: flex; flex-wrap: wrap; gap: 4px 12px; }
  .pn-choices label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
  .pn-panel button {
    font: inherit; padding: 3px 10px; border-radius: 4px; border: 1px solid #d9d9d9; background: #fff; color: inherit; cursor: pointer;
  }
  .pn-panel button.pn-primary { background: #c43d00; border-color: #c43d00; color: #fff; }
  .pn-panel button:disabled { opacity: 0.5; cursor: not-allowed; }
  .pn-panel button:focus-visible, .pn-panel select:focus-visible, .pn-panel input:focus-visible {
    outline: 2px solid #1677ff; outline-offset: 1px;
  }
  .pn-warning { margin: 0 0 10px; padding: 8px; border-radius: 4px; background: #fff7e6; border: 1px solid #ffd591; }
  .pn-warning p { margin: 0 0 4px; }
  .pn-warning strong { color: #ad4e00; }
  .pn-status { min-height: 1.5em; margin: 0; color: #237804; font-size: 12px; }
`;
