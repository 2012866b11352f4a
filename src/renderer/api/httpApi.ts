import type { ApiRequest, AppApi, MethodName } from '../../core/api/contract.js';
import { httpPath, METHOD_NAMES } from '../../core/api/methods.js';
import { ApiError } from './ApiError.js';
import { isApiResult, unwrapResult } from './result.js';

const UNREACHABLE =
  'The Rehearse server cannot be reached. Check that `npm run serve` is still running, then try again.';

const UNAUTHORIZED =
  'The server rejected this page\'s access token. Open the address that `npm run serve` printed, which includes a fresh token.';

async function post(method: MethodName, request: unknown, token: string | null): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(httpPath(method), { method: 'POST', headers, body: JSON.stringify(request) });
  } catch {
    throw new ApiError('unavailable', UNREACHABLE);
  }

  const body: unknown = await response.json().catch(() => null);
  if (isApiResult(body)) return unwrapResult(body);
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

