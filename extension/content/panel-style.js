// The panels' stylesheet, scoped by Decorum's shadow root so the site's CSS and ours never meet.
// Colours meet WCAG AA on white (text ≥ 4.5:1, focus ring and borders ≥ 3:1).

export const PANEL_CSS = `
/* A manual popover, shown in the top layer: above the site, clear of its transforms and clipping.
   The user agent's popover box (centred, bordered) is undone here. */
[data-decorum-panel] {
  position: fixed;
  inset: auto;
  top: 0;
  left: 0;
  margin: 0;
  padding: 0;
  border: 0;
  background: transparent;
  color: inherit;
  overflow: visible;
}
[hidden] { display: none !important; }
* { box-sizing: border-box; }
/* The panel and the card at the word look alike. */
.panel, [data-decorum-word-card] {
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f1f1f;
  background: #ffffff;
  border: 1px solid #8d8d8d;
  border-radius: 10px;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18);
}
.panel {
  /* --decorum-width: set where panel.js places it. Beside the box the panel's left edge is held and
     it is as wide closed as open; elsewhere its right edge is held and it is narrower closed: either
     way the toggle, at the right end of the bar, stays put. */
  width: var(--decorum-width, 360px);
  display: flex;
  flex-direction: column;
  transition: opacity 120ms;
}
[data-decorum-panel][data-align="right"] .panel:not(.expanded) { width: auto; max-width: var(--decorum-width, 360px); }
/* Over the compose box, or low in the window: the list opens upwards, the bar stays where it was. */
[data-decorum-panel][data-opens="up"] .panel { flex-direction: column-reverse; }
[data-decorum-panel][data-decorum-state="checking"] .panel { opacity: 0.75; }
.bar {
  display: flex;
  align-items: center;
  gap: 6px;
  padding: 4px 4px 4px 10px;
  min-height: 32px;
}
.mark {
  flex: none;
  width: 10px;
  height: 10px;
  border-radius: 50%;
  background: #1e7b34;
}
[data-decorum-panel][data-decorum-state="findings"] .mark { background: #b06000; }
[data-decorum-panel][data-decorum-state="ok"][data-incomplete] .mark,
[data-decorum-panel][data-decorum-state="ok"][data-needs-identity] .mark,
[data-decorum-panel][data-decorum-state="dismissed"] .mark { background: #6b6b6b; }
[data-decorum-panel][data-decorum-state="findings"][data-severity="error"] .mark { background: #c5221f; }
[data-decorum-panel][data-decorum-state="offline"] .mark,
[data-decorum-panel][data-decorum-state="too_large"] .mark,
[data-decorum-panel][data-decorum-state="inactive"] .mark { background: #6b6b6b; }
.count { flex: 1; font-weight: 600; padding-right: 6px; }
button {
  font: inherit;
  font-weight: 600;
  cursor: pointer;
  border-radius: 6px;
  padding: 4px 10px;
  min-height: 28px;
}
button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
/* As wide for "Hide" as for "Show": the button does not move under the pointer that pressed it. */
.toggle { background: #f1f1f1; color: #1f1f1f; border: 1px solid #767676; flex: none; min-width: 4.8em; text-align: center; }
.toggle:hover { background: #e2e2e2; }
.findings {
  list-style: none;
  margin: 0;
  padding: 0 10px 10px;
  /* --decorum-list-room: what is left of the window's height where panel.js places it. */
  max-height: min(60vh, 420px, var(--decorum-list-room, 420px));
  overflow: auto;
}
[data-decorum-panel][data-opens="up"] .findings { padding: 10px 10px 0; }
.panel:focus-visible, .card:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.notice { padding: 0 10px 8px; font-size: 12px; color: #2b2b2b; }
.notice p { margin: 0 0 6px; }
.name-society { background: #ffffff; color: #1f1f1f; border: 1px solid #767676; }
.card { border-top: 1px solid #d0d0d0; padding: 10px 0 0; margin-top: 8px; }
.card:first-child { margin-top: 0; }
.card[data-dismissed] { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; color: #454545; padding-top: 6px; }
.dismissed-label { font-weight: 600; }
.words { margin: 0 0 6px; font-weight: 600; overflow-wrap: anywhere; }
.card[data-dismissed] .words { margin: 0; font-weight: 400; }
.problem { font-weight: 600; }
.policies { list-style: none; margin: 0; padding: 0; }
.entry + .entry { border-top: 1px dashed #d0d0d0; padding-top: 6px; margin-top: 6px; }
.entry .actions { margin-bottom: 8px; }
blockquote .heading { font-style: normal; font-weight: 600; color: #454545; }
.more, .select, .undo { background: #ffffff; color: #1f1f1f; border: 1px solid #767676; }
.more { margin: 0 0 8px; font-weight: 400; }
.meta { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; margin: 0 0 4px; }
.severity {
  font-size: 11px;
  font-weight: 700;
  text-transform: uppercase;
  letter-spacing: 0.04em;
  padding: 1px 6px;
  border-radius: 4px;
  color: #ffffff;
  background: #8a4b00;
}
.severity.error { background: #b3261e; }
.severity.info { background: #1a5fb4; }
.policy { color: #454545; font-size: 12px; margin: 0 0 2px; }
.message { margin: 0 0 6px; }
.reasons { margin: 0 0 6px; color: #454545; font-size: 12px; }
blockquote {
  margin: 0 0 8px;
  padding: 4px 8px;
  border-left: 3px solid #767676;
  background: #f6f6f6;
  color: #2b2b2b;
  font-size: 12px;
}
blockquote p { margin: 0; font-style: italic; }
blockquote footer { margin-top: 2px; color: #454545; font-style: normal; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
.fix { background: #0b5e63; color: #ffffff; border: 1px solid #0b5e63; }
.fix:hover { background: #084a4e; }
.dismiss { background: #ffffff; color: #1f1f1f; border: 1px solid #767676; }
.dismiss:hover, .more:hover, .select:hover, .undo:hover, .name-society:hover { background: #f1f1f1; }
/* The card at the word: one card, by the words it is about, in the top layer like the panel. */
[data-decorum-word-card] {
  position: fixed;
  inset: auto;
  margin: 0;
  padding: 10px 12px 2px;
  overflow: auto;
}
[data-decorum-word-card]:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
[data-decorum-word-card] .card { border-top: 0; margin: 0; padding: 0; }
@media (prefers-reduced-motion: reduce) { .panel { transition: none; } }
`;
