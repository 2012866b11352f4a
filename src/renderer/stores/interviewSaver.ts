/** How long typing must pause before the answer is saved. */
export const SAVE_DELAY_MS = 500;

/**
 * Debounces answer saves: each change restarts the delay, and `flush` sends
 * the latest change at once (on blur, when the page hides, before it unloads,
 * on pause). `send` reads the store when it runs, so a save carries the newest
 * text and time used, never a copy from when the change was scheduled.
 */
export function createSaver(send: () => Promise<void>, delayMs = SAVE_DELAY_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;

  function clear(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  return {
    schedule(): void {
      pending = true;
      clear();
      timer = setTimeout(() => void this.flush(), delayMs);
    },
    async flush(): Promise<void> {
      clear();
      if (!pending) return;
      pending = false;
      await send();
    },
    /** Drops a scheduled save, for when a close request carries the same text. */
    cancel(): void {
      clear();
      pending = false;
    },
    hasPending(): boolean {
      return pending;
    },
  };
}
