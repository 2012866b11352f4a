import type { RehearseBridge } from '../../core/api/bridge.js';

declare global {
  interface Window {
    /** The bridge the desktop app's preload script sets, absent in a browser. */
    rehearse?: RehearseBridge;
  }
}

export type { RehearseBridge };
