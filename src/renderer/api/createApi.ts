import type { AppApi } from '../../core/api/contract.js';
import { createBridgeApi } from './bridgeApi.js';
import { createHttpApi } from './httpApi.js';
import { readAccessToken } from './token.js';

/** Picks the transport of the host this page runs in: the preload bridge in Electron, HTTP in a browser. */
export function createApi(): AppApi {
  if (window.rehearse) return createBridgeApi(window.rehearse);
  return createHttpApi(readAccessToken(window.location, window.sessionStorage, window.history));
}
