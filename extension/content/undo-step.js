// When a fix can go in as an undo step of its own. Quill (LinkedIn) folds every change made within
// its history delay of an undo step's first change into that step, whoever made it: a typed key,
// Quill's own handling of Enter or of a deletion (which fire no `input` event), a paste. A fix
// made before the box has been still that long would be undone together with the member's last
// change. The editor's history is out of the content script's reach (another world), so the fix
// waits until the box has been still long enough.

// The editor times changes with Date.now() (whole milliseconds), the content script with
// performance.now(): a little more than the delay keeps the fix out of the step whatever the rounding.
const CLOCK_SLACK_MS = 20;
// The member kept changing the box this long after asking for the fix: it is not added.
const GIVE_UP_MS = 3000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves to true once a change made now would start a new undo step: `lastChangeAt()` (the
 * box's last change, performance.now()) lies more than `groupMs` in the past, read afresh after
 * each wait since the member may go on typing. False if the box could not be still that long
 * within GIVE_UP_MS of the call.
 */
export async function waitForNewUndoStep(lastChangeAt, groupMs, { now = () => performance.now(), wait = sleep } = {}) {
  if (groupMs <= 0) return true;
  const giveUpAt = now() + GIVE_UP_MS;
  for (;;) {
    const stillAt = lastChangeAt() + groupMs + CLOCK_SLACK_MS;
    const left = stillAt - now();
    if (left <= 0) return true;
    if (stillAt > giveUpAt) return false;
    await wait(left);
  }
}
