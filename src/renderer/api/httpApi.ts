import type { ApiRequest, AppApi, MethodName } from '../../core/api/contract.js';
import { httpPath, METHOD_NAMES } from '../../core/api/methods.js';
import { ApiError } from './ApiError.js';
import { isApiResult, unwrapResult } from './result.js';

const UNREACHABLE =
  'The Rehearse server cannot be reached. Check that `npm run serve` is still running, then try again.';

const UNAUTHORIZED =
  'The server rejected this page\'s access token. Open the address that `npm run serve` printed, which includes a fresh token.';

/** Keeps keepalive bodies under the browsers' 64 KiB budget, even at 4 bytes of UTF-8 per character. */
const KEEPALIVE_MAX_CHARS = 16_000;

async function post(method: MethodName, request: unknown, token: string | null): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;

  const body = JSON.stringify(request);
  let response: Response;
  try {
    // keepalive lets a save sent while the page unloads finish; browsers cap such bodies at 64 KiB.
    const keepalive = body.length < KEEPALIVE_MAX_CHARS;
    response = await fetch(httpPath(method), { method: 'POST', headers, body, keepalive });
  } catch {
    throw new ApiError('unavailable', UNREACHABLE);
  }

  const result: unknown = await response.json().catch(() => null);
  if (isApiResult(result)) return unwrapResult(result);
  if (response.status === 401 || response.status === 403) throw new ApiError('unavailable', UNAUTHORIZED);
  throw new ApiError('internal', `The server returned HTTP ${response.status} without a result for ${method}. Reload the page and try again.`);
}

/** Builds the AppApi of the browser host: `POST /api/<method>` with the bearer token. */
export function createHttpApi(token: string | null): AppApi {
  const entries = METHOD_NAMES.map((method) => [
    method,
    (request: ApiRequest<typeof method>) => post(method, request, token),
  ]);
  return Object.fromEntries(entries) as AppApi;
}

