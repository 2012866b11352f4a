/**
 * Errors thrown by core. Hosts map each class once to an error code and message
 * (see toApiError in api/result.ts); the message is written for the user.
 */
export class CoreError extends Error {
  override name = 'CoreError';
}

/** Input that breaks a rule: a bad setting, a malformed payload, a bad file. */
export class ValidationError extends CoreError {
  override name = 'ValidationError';
}

/** A card, deck or session that does not exist (or no longer does). */
export class NotFoundError extends CoreError {
  override name = 'NotFoundError';
}

/** A request that clashes with the current state, such as importing into a folder with progress. */
export class ConflictError extends CoreError {
  override name = 'ConflictError';
}
