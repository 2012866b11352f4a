import { z } from 'zod';
import { BACKUP_REASONS } from '../backup/reasons.js';

/** Schemas of the backup methods. */

export const backupEntryView = z.object({
  name: z.string(),
  createdAt: z.number(),
  /** Event that caused the backup; null for backups named before the kind was recorded. */
  reason: z.enum(BACKUP_REASONS).nullable(),
  sizeBytes: z.number(),
});

export const backupsView = z.object({
  backups: z.array(backupEntryView),
  folder: z.string(),
  /** True when the last run did not close cleanly; a quick check runs after such a start. */
  uncleanShutdown: z.boolean(),
  /** True once that quick check has finished; false while it runs or after a clean start. */
  checked: z.boolean(),
  /** What the quick check after an unclean shutdown found; empty when the file is sound. */
  problems: z.array(z.string()),
});
export type BackupsView = z.infer<typeof backupsView>;

export const restoreBackupRequest = z.strictObject({
  name: z.string().min(1).max(200),
});

export const restoreBackupResult = z.object({
  restored: z.string(),
  /** The backup of the state just before the restore, so the restore itself can be undone. */
  safetyBackup: z.string(),
});
