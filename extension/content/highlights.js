// Underlines the words a finding is about with the CSS Custom Highlight API: the browser
// paints the ranges, nothing is added to the editor's DOM (Grammarly's lesson). The
// ::highlight() styles are in highlight.css, injected by the manifest.

const SEVERITIES = ["error", "warning", "info"];
const rangesByComposer = new Map(); // composer id -> [{range, severity}]

const supported = () => typeof Highlight === "function" && globalThis.CSS?.highlights;

export function showHighlights(composerId, items) {
  if (items.length) rangesByComposer.set(composerId, items);
  else rangesByComposer.delete(composerId);
  repaint();
}

export function clearHighlights(composerId) {
  if (rangesByComposer.delete(composerId)) repaint();
}

function repaint() {
  if (!supported()) return;
  for (const severity of SEVERITIES) {
    const ranges = [];
    for (const items of rangesByComposer.values()) {
      for (const item of items) if (item.severity === severity) ranges.push(item.range);
    }
    const name = `decorum-${severity}`;
    if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
}
