import type { ApiRequest, ApiResponse, ApiResult } from './contract.js';
import type { MethodName } from './methods.js';

/**
 * The object the Electron preload script exposes as `window.rehearse`: one
 * function per AppApi method, each resolving to an ApiResult and never rejecting.
 */
export type RehearseBridge = {
  [M in MethodName]: (request: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>>;
};
