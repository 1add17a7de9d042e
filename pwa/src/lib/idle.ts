/** Runs `work` when the main thread is idle (at once after the current task where the browser cannot tell). */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => work());
  else setTimeout(work, 0);
}
