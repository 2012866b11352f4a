import type { z } from 'zod';
import { DatabaseCorruptError, DatabaseLockedError, StorageError, WriteFailedError } from '../../db/errors.js';
import type { Logger } from '../../log/logger.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { contract, type ApiErrorBody, type ApiResult, type AppHandlers } from './contract.js';
import { METHOD_NAMES, type MethodName } from './methods.js';

/** True when `name` is one of the contract's methods. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Maps any thrown error to the body sent to the renderer, once for both hosts. */
export function toApiError(error: unknown): ApiErrorBody {
  if (error instanceof ValidationError) return { code: 'validation', message: error.message };
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof ConflictError) return { code: 'conflict', message: error.message };
  if (error instanceof DatabaseLockedError || error instanceof DatabaseCorruptError) return { code: 'unavailable', message: error.message };
  if (error instanceof WriteFailedError || error instanceof StorageError) return { code: 'storage', message: error.message };
  return { code: 'internal', message: 'Something went wrong inside Rehearse. The error was logged; try again, and report it if it repeats.' };
}

/**
 * Validates a payload against the method's request schema, runs the handler
 * and wraps the outcome. Nothing invalid reaches a handler.
 */
export async function dispatch(handlers: AppHandlers, method: unknown, payload: unknown, logger: Logger): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'not-found', message: `Unknown API method "${String(method).slice(0, 80)}".` } };
  }
  const parsed = contract[method].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'validation', message: `Invalid request for ${method}: ${describeIssues(parsed.error)}.` } };
  }
  try {
    const handler = handlers[method] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const body = toApiError(error);
    if (body.code === 'internal' || body.code === 'storage') logger.error('API method failed', { method, error });
    else logger.debug('API method rejected', { method, code: body.code, message: body.message });
    return { ok: false, error: body };
  }
}
