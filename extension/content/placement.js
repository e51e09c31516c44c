// Keeps each panel next to its compose box while the page scrolls, resizes, or moves the box
// (dialogs animate in, feeds load above). Batched into one animation frame; a slow interval
// catches layout shifts that fire no event.

const RECHECK_MS = 250;
const followed = new Map(); // panel -> anchor()
const resizes = new ResizeObserver(() => schedule());
let frame = 0;
let interval = 0;

export function follow(panel, anchor) {
  followed.set(panel, anchor);
  const element = anchor();
  if (element) resizes.observe(element);
  if (followed.size === 1) {
    addEventListener("scroll", schedule, { capture: true, passive: true });
    addEventListener("resize", schedule, { passive: true });
    interval = setInterval(schedule, RECHECK_MS);
  }
  schedule();
}

export function unfollow(panel) {
  const anchor = followed.get(panel);
  if (!anchor) return;
  followed.delete(panel);
  const element = anchor();
  if (element) resizes.unobserve(element);
  if (followed.size === 0) {
    removeEventListener("scroll", schedule, { capture: true });
    removeEventListener("resize", schedule);
    clearInterval(interval);
  }
}

export function schedule() {
  frame ||= requestAnimationFrame(placeAll);
}

function placeAll() {
  frame = 0;
  for (const [panel, anchor] of followed) {
    const element = anchor();
    if (element && panel.visible) panel.place(element.getBoundingClientRect());
  }
}
