/**
 * The event that caused a backup. The kind is stored in the file name, so it survives
 * restarts and needs no index file. Backups written before kinds existed have
 * none, and list with the kind null.
 */
export const BACKUP_REASONS = ['start-up', 'changes', 'on-request', 'before-restore', 'before-import', 'before-migrating'] as const;

export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Kinds that copy the state just before Rehearse replaces or rewrites the data file. */
export const SAFETY_REASONS: readonly BackupReason[] = ['before-restore', 'before-import', 'before-migrating'];
