import { useEffect, useState } from 'react';
import { useInterviewStore } from '../../stores/interview.js';

/** How often the countdowns redraw and check for expiry. */
const TICK_MS = 250;

/**
 * Drives the running prompt: reads the clock every tick, lets the store close
 * an expired prompt, and flushes the pending save when the page hides or
 * unloads. Leaving the screen pauses the clocks. Returns the current time.
 */
export function useInterviewClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!active) return;
    const interval = setInterval(() => {
      const current = Date.now();
      setNow(current);
      void useInterviewStore.getState().tick(current);
    }, TICK_MS);
    return () => clearInterval(interval);
  }, [active]);

  useEffect(() => {
    // The save sent while the page unloads uses fetch keepalive (see api/httpApi.ts), so the
    // browser finishes it; a crash can still lose the typing of the last 500 ms debounce.
    const flush = () => void useInterviewStore.getState().flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      void useInterviewStore.getState().pause(Date.now());
    };
  }, []);

  return now;
}
