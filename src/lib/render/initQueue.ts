/**
 * Creates chart instances one per animation frame, in the order their components mounted (the
 * page's reading order). A dashboard mounts a dozen charts at once; created in one task they
 * held the first one off the screen until the last was drawn (~1.5 s on two cores). Module-level
 * on purpose: the frames are the page's, shared by every chart on it.
 */
const waiting: (() => void)[] = [];
let frameRequested = false;

/** Runs `create` on a coming frame, after the charts queued before it; returns a cancel function. */
export function queueChartCreation(create: () => void): () => void {
  waiting.push(create);
  requestFrame();
  return () => {
    const i = waiting.indexOf(create);
    if (i >= 0) waiting.splice(i, 1);
  };
}

function requestFrame() {
  if (frameRequested || waiting.length === 0) return;
  frameRequested = true;
  const run = () => {
    if (!frameRequested) return;
    frameRequested = false;
    waiting.shift()?.();
    requestFrame();
  };
  requestAnimationFrame(run);
  // A hidden tab gets no frames; charts are still created, one per task.
  setTimeout(run, 100);
}
