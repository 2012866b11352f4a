import { app, dialog } from 'electron';
import type { App } from '../core/app.js';
import { moveDatabaseAside, restoreNewestGoodBackup } from '../core/backup/recovery.js';
import { DeckFileError } from '../core/decks/load.js';
import { DatabaseCorruptError, DatabaseLockedError, DatabaseTooNewError } from '../db/errors.js';
import type { Logger } from '../log/logger.js';

export type StartupFailureKind = 'locked' | 'corrupt' | 'too-new' | 'deck-file' | 'unexpected';

export interface StartupFailure {
  kind: StartupFailureKind;
  title: string;
  message: string;
}

export type RecoveryChoice = 'restore' | 'start-fresh' | 'quit';

/** The recovery dialog's buttons, in order: `response` of showMessageBox indexes this list. */
export const RECOVERY_BUTTONS: readonly { label: string; choice: RecoveryChoice }[] = [
  { label: 'Restore newest backup', choice: 'restore' },
  { label: 'Start fresh (keep the old file aside)', choice: 'start-fresh' },
  { label: 'Quit', choice: 'quit' },
];

/** Recovery dialogs shown before giving up, so a recovery that keeps failing cannot loop. */
export const MAX_RECOVERY_ROUNDS = 5;

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

/** True for failures of the database file itself, which a backup or a new file gets past. */
export function isRecoverable(kind: StartupFailureKind): boolean {
  return kind === 'corrupt' || kind === 'too-new';
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
  dialog.showErrorBox(failure.title, failure.message);
  app.quit();
  return failure;
}

export interface RecoveryOptions {
  /** Opens the data folder; throws the storage errors that describeStartupFailure classifies. */
  open: () => App;
  dataDir: string;
  logPath: string;
  logger: Logger;
  clock?: () => number;
}

/**
 * Opens the data folder. When the database file is corrupt or from a newer
 * version, a dialog offers to restore the newest good backup, start fresh or
 * quit, and the folder is opened again after the chosen recovery. The old file
 * is only ever renamed, never written. Resolves to null after quitting.
 */
export async function openWithRecovery(options: RecoveryOptions): Promise<App | null> {
  let lastOutcome: RecoveryOutcome | null = null;

  for (let round = 1; ; round += 1) {
    let error: unknown;
    try {
      const opened = options.open();
      if (lastOutcome?.succeeded) await showRecovered(lastOutcome.text);
      return opened;
    } catch (caught) {
      error = caught;
    }

    const failure = describeStartupFailure(error, options.logPath);
    if (!isRecoverable(failure.kind) || round > MAX_RECOVERY_ROUNDS) {
      reportStartupFailure(error, options.logPath, options.logger);
      return null;
    }

    options.logger.error('Opening the data folder failed; offering recovery', {
      kind: failure.kind,
      round,
      error,
    });
    const choice = await askForRecovery(failure, options.dataDir, lastOutcome?.text ?? null);
    options.logger.info('Recovery choice', { choice, round });
    if (choice === 'quit') {
      app.quit();
      return null;
    }
    lastOutcome = await recover(choice, options);
  }
}

/** Shows what is wrong with the file and returns the user's choice; Escape means quit. */
async function askForRecovery(
  failure: StartupFailure,
  dataDir: string,
  previousAttempt: string | null,
): Promise<RecoveryChoice> {
  const summary =
    failure.kind === 'too-new'
      ? 'Your Rehearse data comes from a newer version of Rehearse.'
      : 'Your Rehearse data file is damaged and cannot be read.';
  const options = [
    'Restore newest backup replaces it with the newest backup that passes an integrity check.',
    'Start fresh begins again with no progress.',
    `Either way the current file is renamed and kept in ${dataDir}; nothing is deleted.`,
  ].join(' ');
  const detail = [previousAttempt, failure.message, options].filter((part) => part !== null);

  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: failure.title,
    message: summary,
    detail: detail.join('\n\n'),
    buttons: RECOVERY_BUTTONS.map((button) => button.label),
    defaultId: 0,
    cancelId: RECOVERY_BUTTONS.length - 1,
    noLink: true,
  });
  return RECOVERY_BUTTONS[response]?.choice ?? 'quit';
}

interface RecoveryOutcome {
  succeeded: boolean;
  /** A sentence saying what happened, shown in the next dialog. */
  text: string;
}

/** Runs the chosen recovery; a failure (such as no usable backup) is returned, not thrown. */
async function recover(
  choice: Exclude<RecoveryChoice, 'quit'>,
  options: RecoveryOptions,
): Promise<RecoveryOutcome> {
  const now = (options.clock ?? Date.now)();
  try {
    if (choice === 'restore') {
      const restored = await restoreNewestGoodBackup(options.dataDir, now, options.logger);
      const kept = `The previous file was kept as ${restored.movedAside}.`;
      return { succeeded: true, text: `Restored the backup ${restored.backup}. ${kept}` };
    }
    const movedAside = moveDatabaseAside(options.dataDir, now);
    const text = `Started with a new data file. The previous file was kept as ${movedAside}.`;
    return { succeeded: true, text };
  } catch (error) {
    options.logger.error('Recovering the data folder failed', { choice, error });
    const label = RECOVERY_BUTTONS.find((button) => button.choice === choice)?.label ?? choice;
    const detail = error instanceof Error ? error.message : String(error);
    return { succeeded: false, text: `${label} failed: ${detail}` };
  }
}

async function showRecovered(outcome: string): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: 'Rehearse',
    message: 'Rehearse opened your data again.',
    detail: outcome,
    buttons: ['OK'],
    noLink: true,
  });
}
