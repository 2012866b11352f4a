import type { AppApi, MethodName } from '../../core/api/contract.js';
import { METHOD_NAMES } from '../../core/api/methods.js';
import { ApiError } from './ApiError.js';
import type { RehearseBridge } from './bridge.js';
import { isApiResult, unwrapResult } from './result.js';

async function invoke(bridge: RehearseBridge, method: MethodName, request: unknown): Promise<unknown> {
  const call = bridge[method] as (request: unknown) => Promise<unknown>;
  let result: unknown;
  try {
    result = await call(request);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError('unavailable', `The Rehearse main process did not complete ${method}: ${detail}. Restart Rehearse if this repeats.`);
  }
  if (!isApiResult(result)) {
    throw new ApiError('internal', `The Rehearse main process returned no result for ${method}. Restart Rehearse if this repeats.`);
  }
  return unwrapResult(result);
}

/** Builds the AppApi of the desktop app from the functions the preload script exposes. */
export function createBridgeApi(bridge: RehearseBridge): AppApi {
  const entries = METHOD_NAMES.map((method) => [method, (request: unknown) => invoke(bridge, method, request)]);
  return Object.fromEntries(entries) as AppApi;
}
