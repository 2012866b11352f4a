/** Errors of the storage layer; hosts map them to messages once. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** Another Rehearse process holds the data folder. */
export class DatabaseLockedError extends StorageError {
  override name = 'DatabaseLockedError';
  constructor(readonly path: string) {
    super(`The data file ${path} is in use by another Rehearse process. Close the other Rehearse window or server, or choose another folder with --data-dir.`);
  }
}

/** The file was written by a newer Rehearse; it is left untouched. */
export class DatabaseTooNewError extends StorageError {
  override name = 'DatabaseTooNewError';
  constructor(readonly path: string, readonly fileVersion: number, readonly supportedVersion: number) {
    super(`The data file ${path} has schema version ${fileVersion}, newer than this Rehearse understands (${supportedVersion}). Update Rehearse; the file was not changed.`);
  }
}

/** The file is not a usable SQLite database (truncated, random bytes, corrupt). */
export class DatabaseCorruptError extends StorageError {
  override name = 'DatabaseCorruptError';
  constructor(readonly path: string, detail: string) {
    super(`The data file ${path} cannot be read: ${detail}. Restore a backup, or move the file aside to start fresh.`);
  }
}

/** A write failed because the disk is full or the file is read-only; nothing was written. */
export class WriteFailedError extends StorageError {
  override name = 'WriteFailedError';
  constructor(readonly reason: 'full' | 'read-only' | 'other', detail: string) {
    super(
      reason === 'full'
        ? `Saving failed because the disk is full (${detail}). Free some space and try again; nothing was saved.`
        : reason === 'read-only'
          ? `Saving failed because the data folder is read-only (${detail}). Make it writable and try again; nothing was saved.`
          : `Saving failed: ${detail}. Try again; nothing was saved.`,
    );
  }
}
