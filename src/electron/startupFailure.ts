import { app, dialog } from 'electron';
import { DeckFileError } from '../core/decks/load.js';
import { DatabaseCorruptError, DatabaseLockedError, DatabaseTooNewError } from '../db/errors.js';
import type { Logger } from '../log/logger.js';

export type StartupFailureKind = 'locked' | 'corrupt' | 'too-new' | 'deck-file' | 'unexpected';

export interface StartupFailure {
  kind: StartupFailureKind;
  title: string;
  message: string;
}

/** Classifies an error thrown while opening the data folder and words it for the user. */
export function describeStartupFailure(error: unknown, logPath: string): StartupFailure {
  const title = 'Rehearse could not start';
  const kind = knownKind(error);
  if (kind !== null) return { kind, title, message: (error as Error).message };

  return {
    kind: 'unexpected',
    title,
    message:
      'An unexpected error stopped Rehearse while opening its data. ' +
      `The details are in ${logPath}; please report them.`,
  };
}

/** Returns the kind of a failure whose own message tells the user what to do, else null. */
function knownKind(error: unknown): Exclude<StartupFailureKind, 'unexpected'> | null {
  if (error instanceof DatabaseLockedError) return 'locked';
  if (error instanceof DatabaseCorruptError) return 'corrupt';
  if (error instanceof DatabaseTooNewError) return 'too-new';
  if (error instanceof DeckFileError) return 'deck-file';
  return null;
}

/**
 * Logs the failure, shows it in an error box and quits. showErrorBox blocks
 * until dismissed and needs no window, which does not exist yet at this point.
 */
export function reportStartupFailure(
  error: unknown,
  logPath: string,
  logger: Logger,
): StartupFailure {
  const failure = describeStartupFailure(error, logPath);
  logger.error('Opening the data folder failed', { kind: failure.kind, error });

  // TODO: for kind 'corrupt', offer to restore the newest backup instead of quitting.
  dialog.showErrorBox(failure.title, failure.message);
  app.quit();
  return failure;
}
