// What every site adapter provides, and the defaults most of them keep. A site file states
// its selectors at the top and overrides only what differs (refined-github's feature files,
// Dark Reader's fixes as data).
//
//   name       the site, as in `disabledSites` and the check's `site` ("x", "linkedin", …)
//   label      the site's name as a member knows it: the popup's switch for it ("LinkedIn")
//   hosts      hostnames it runs on: the build writes them into the manifest's matches
//   testPage   an address on it where its compose boxes are: for people checking the adapter,
//              and the page the e2e tests serve its fixture under
//   composers  selector for its compose boxes
//   accepts    element → whether a box the selector found is really a compose box
//   ignore     selector for editor furniture inside a compose box that holds no draft text
//   anchor     editor → element whose box the panel sits beside (see closestOf)
//   submit     selector for the site's own Post / Reply / Comment button of a compose box, which
//              the panel never covers (found near the box: see nearestMatch), or null
//   read       editor → {text, rangeFor(start, end)}
//   insertFix  (editor, text, currentText) → promise: appends a fix's text as the editor's own
//              paste would, true once the editor took it (see insert-text.js)
//   select     (editor, start, end) → promise: selects the draft's text between those UTF-16
//              offsets, true once the editor took the selection up (see editor-selection.js)
//   separator  what goes between the draft and an appended fix
//   undoGroupMs  how long after a change the editor's history folds the next change into the same
//              undo step: a fix waits until the box has been still that long, to be undone alone
//              (see undo-step.js)

import { readDraft } from "../draft-text.js";
import { selectText } from "../editor-selection.js";
import { appendText } from "../insert-text.js";

export function defineAdapter(spec) {
  const adapter = {
    hosts: [],
    ignore: null,
    submit: null,
    accepts: () => true,
    // The fix reads on as the draft's last sentence (short posts); a site may give it a line.
    separator: " ",
    // Draft.js starts a new undo step when the kind of change differs (a paste after typing), and
    // Lexical for any insertion of more than a character: neither needs a wait.
    undoGroupMs: 0,
    anchor: (editor) => editor,
    submitButton(editor) {
      return adapter.submit ? nearestMatch(editor, adapter.submit) : null;
    },
    read(editor) {
      return readDraft(editor, { ignore: adapter.ignore });
    },
    insertFix(editor, text, currentText) {
      return appendText(editor, text, { separator: adapter.separator, currentText });
    },
    select(editor, start, end) {
      return selectText(editor, () => adapter.read(editor), start, end);
    },
    ...spec,
  };
  return Object.freeze(adapter);
}

/**
 * The nearest ancestor matching the first selector that matches at all: sites list the boxes
 * around a compose box from most to least preferred (the comment form with its own button
 * before the editor's frame), so the panel sits clear of the site's controls.
 */
export function closestOf(editor, selectors) {
  for (const selector of selectors) {
    const found = editor.closest(selector);
    if (found) return found;
  }
  return editor;
}

// How far up from a compose box its Post button is looked for, and where the looking stops: a
// dialog or a form holds one compose box's buttons, never another's.
const NEAREST_LEVELS = 12;
const OWN_BOUNDARY = '[role="dialog"], form';

/** The element matching `selector` nearest to `editor`: in its closest ancestor that holds one. */
export function nearestMatch(editor, selector) {
  let ancestor = editor.parentElement;
  for (let level = 0; ancestor && ancestor !== document.body && level < NEAREST_LEVELS; level++) {
    const found = ancestor.querySelector(selector);
    if (found) return found;
    if (ancestor.matches(OWN_BOUNDARY)) return null;
    ancestor = ancestor.parentElement;
  }
  return null;
}
