// Keeps each panel, underline layer and card on its compose box without a timer. What moves a box
// wakes a short loop that places them frame by frame until the box holds still: the page's scrolls
// and resizes, the box changing size (ResizeObserver), the box moving on the screen with no event
// at all (a feed loading above, a dialog re-centring: an IntersectionObserver fitted to the box's
// own rectangle, which fires as soon as the box leaves it) and the animations of the elements
// around it (a dialog sliding in). Nothing runs while nothing moves.

// Frames the watched boxes must hold still before the loop stops.
const STILL_FRAMES = 3;
// An animation longer than this (about four seconds) is followed by its events, not frame by frame.
const MAX_FRAMES = 240;
// A rectangle that moved by less than this has not moved (subpixel layout noise).
const MOVED_PX = 0.5;
const ANIMATION_EVENTS = ["animationstart", "animationend", "animationcancel", "transitionstart", "transitionend", "transitioncancel"];

// follower -> () => the elements it is placed by (its compose box, the site's Post button, …)
const followed = new Map();
const watches = new Map(); // element -> MoveWatch
const resizes = new ResizeObserver(() => wake());
let frame = 0;
let stillFor = 0;
let framesLeft = 0;
let lastRects = "";

/**
 * Places `follower` (`{visible, place(elements)}`) by the elements `watched()` returns, now and
 * whenever they move; its `place` is asked again on every frame of a settling loop and must be
 * cheap when nothing changed.
 */
export function follow(follower, watched) {
  followed.set(follower, watched);
  if (followed.size === 1) {
    addEventListener("scroll", wake, { capture: true, passive: true });
    addEventListener("resize", onResize, { passive: true });
    for (const type of ANIMATION_EVENTS) document.addEventListener(type, onAnimation, { capture: true, passive: true });
  }
  wake();
}

export function unfollow(follower) {
  if (!followed.delete(follower)) return;
  if (followed.size === 0) {
    removeEventListener("scroll", wake, { capture: true });
    removeEventListener("resize", onResize);
    for (const type of ANIMATION_EVENTS) document.removeEventListener(type, onAnimation, { capture: true });
    cancelAnimationFrame(frame);
    frame = 0;
  }
  rewatch(placedByNow()); // drops what only it watched
}

/** Something the followers show changed (a panel opened, a card came): place them again. */
export function schedule() {
  wake();
}

function wake() {
  stillFor = 0;
  framesLeft = MAX_FRAMES;
  frame ||= requestAnimationFrame(placeAll);
}

function onResize() {
  for (const watch of watches.values()) watch.restart(); // fitted to the old viewport
  wake();
}

/** An animation of an element around a watched box (a dialog sliding in) moves it with no other event. */
function onAnimation(event) {
  const target = event.target;
  if (!(target instanceof Element)) return;
  for (const element of watches.keys()) {
    if (target.contains(element)) return wake();
  }
}

function placeAll() {
  frame = 0;
  const placedBy = placedByNow();
  const elements = rewatch(placedBy);
  for (const [follower, by] of placedBy) {
    if (follower.visible) follower.place(by);
  }
  const rects = elements.map(rectKey).join(";");
  stillFor = rects === lastRects ? stillFor + 1 : 0;
  lastRects = rects;
  framesLeft -= 1;
  if (followed.size > 0 && stillFor < STILL_FRAMES && framesLeft > 0) frame = requestAnimationFrame(placeAll);
}

/** follower -> the elements it is placed by now. */
function placedByNow() {
  return new Map([...followed].map(([follower, watched]) => [follower, watched().filter(Boolean)]));
}

/**
 * Watches the elements the followers are placed by now (`placedBy`: follower -> elements; a site may
 * have re-rendered them), and no others; returns them.
 */
function rewatch(placedBy) {
  const elements = new Set([...placedBy.values()].flat());
  for (const [element, watch] of watches) {
    if (elements.has(element)) continue;
    watch.stop();
    resizes.unobserve(element);
    watches.delete(element);
  }
  for (const element of elements) {
    if (watches.has(element)) continue;
    watches.set(element, new MoveWatch(element, wake));
    resizes.observe(element);
  }
  return [...elements];
}

function rectKey(element) {
  const { left, top, width, height } = element.getBoundingClientRect();
  return [left, top, width, height].map((value) => Math.round(value / MOVED_PX)).join(",");
}

/**
 * Calls `onMove` when `element` moves on the screen, from an IntersectionObserver whose root is the
 * viewport shrunk to the element's own rectangle: the moment the element leaves it, the part of it
 * inside drops below the threshold and the observer fires (the browser computes this as it renders
 * a frame, so it costs nothing while nothing renders). Then it fits itself to the new place.
 */
class MoveWatch {
  #element;
  #onMove;
  #observer = null;

  constructor(element, onMove) {
    this.#element = element;
    this.#onMove = onMove;
    this.restart();
  }

  stop() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  /** Fits the watch to where the element is now; `threshold`: the part of it that shows there. */
  restart(threshold = 1) {
    this.stop();
    const box = this.#element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return; // no box to leave: the ResizeObserver says when it has one
    const page = document.documentElement;
    const insets = [box.top, page.clientWidth - box.right, page.clientHeight - box.bottom, box.left];
    const rootMargin = insets.map((inset) => `${-Math.floor(inset)}px`).join(" ");
    let first = true;
    this.#observer = new IntersectionObserver(
      ([entry]) => {
        const ratio = entry.intersectionRatio;
        if (first) {
          first = false;
          // Clipped by a scrolling ancestor, it never shows whole: watch the part that shows instead.
          if (Math.abs(ratio - threshold) > 1e-3) this.restart(ratio);
          return;
        }
        this.#onMove();
        this.restart();
      },
      { root: document, rootMargin, threshold },
    );
    this.#observer.observe(this.#element);
  }
}
