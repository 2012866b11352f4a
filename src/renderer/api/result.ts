import type { ApiResult } from '../../core/api/contract.js';
import { ApiError } from './ApiError.js';

/** True when `body` has the shape of an ApiResult, so a proxy's HTML error page is not mistaken for one. */
export function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/** Returns the value of a successful result and throws the error of a failed one as an ApiError. */
export function unwrapResult<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}
