import type { ApiErrorCode } from '../../core/api/contract.js';

/** An error result from a host, or a transport failure mapped to the same shape. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Converts anything thrown by a store action into an ApiError the banner can show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', `Unexpected error in the Rehearse window: ${detail}`);
}
