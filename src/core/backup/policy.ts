/**
 * Which backups to keep as they age: every backup of today and yesterday, then
 * the newest of each day for 12 days, of each week for 10 weeks and of each
 * 30-day month for 9 months. Older ones go, and so do the oldest while the set
 * is over its size cap. The newest backup is always kept, and so is the newest
 * safety copy of each kind unless the size cap removes it.
 */

import { SAFETY_REASONS, type BackupReason } from './reasons.js';

export interface BackupEntry {
  name: string;
  createdAt: number;
  /** Event that caused the backup; null for files named before kinds were recorded. */
  reason: BackupReason | null;
  sizeBytes: number;
}

export const DEFAULT_BACKUP_CAP_BYTES = 1024 ** 3;

const DAY_MS = 86_400_000;

interface Tier {
  /** First age, in whole days, that this tier covers. */
  fromDay: number;
  /** Number of buckets in the tier. */
  buckets: number;
  /** Width of one bucket, in days. */
  bucketDays: number;
}

const TIERS: Tier[] = [
  { fromDay: 2, buckets: 12, bucketDays: 1 },
  { fromDay: 14, buckets: 10, bucketDays: 7 },
  { fromDay: 84, buckets: 9, bucketDays: 30 },
];

/** Returns a bucket key for a backup of this age, 'all' to keep it regardless, or null to drop it. */
function bucketOf(ageDays: number): string | 'all' | null {
  if (ageDays < 2) return 'all';
  for (const [index, tier] of TIERS.entries()) {
    const offset = ageDays - tier.fromDay;
    if (offset >= 0 && offset < tier.buckets * tier.bucketDays) return `${index}:${Math.floor(offset / tier.bucketDays)}`;
  }
  return null;
}

/**
 * Returns the names of the newest backup of each safety kind. The day, week and
 * month tiers keep the newest backup of a period, which is rarely the copy made
 * just before a restore, import or migration. Yet that copy is the only way
 * back when the user notices a bad restore days later. Keeping one per kind adds
 * at most three files, and the size cap still removes them oldest first.
 */
function newestSafetyCopies(newestFirst: BackupEntry[]): Set<string> {
  const names = new Set<string>();
  for (const reason of SAFETY_REASONS) {
    const newest = newestFirst.find((backup) => backup.reason === reason);
    if (newest) names.add(newest.name);
  }
  return names;
}

/**
 * Returns the names of backups to delete. Ages count whole days back from the
 * start of `todayStart` (the local midnight of today), so "today" and
 * "yesterday" follow the user's calendar.
 */
export function backupsToDelete(backups: BackupEntry[], todayStart: number, capBytes = DEFAULT_BACKUP_CAP_BYTES): string[] {
  const newestFirst = [...backups].sort((left, right) => right.createdAt - left.createdAt);
  const pinned = newestSafetyCopies(newestFirst);
  const keep: BackupEntry[] = [];
  const usedBuckets = new Set<string>();
  for (const [index, backup] of newestFirst.entries()) {
    const ageDays = backup.createdAt >= todayStart ? 0 : Math.floor((todayStart - backup.createdAt - 1) / DAY_MS) + 1;
    const bucket = index === 0 ? 'all' : bucketOf(ageDays);
    const firstOfBucket = bucket !== null && bucket !== 'all' && !usedBuckets.has(bucket);
    if (firstOfBucket) usedBuckets.add(bucket);
    if (bucket === 'all' || firstOfBucket || pinned.has(backup.name)) keep.push(backup);
  }
  let total = keep.reduce((sum, backup) => sum + backup.sizeBytes, 0);
  while (total > capBytes && keep.length > 1) {
    const oldest = keep.pop()!;
    total -= oldest.sizeBytes;
  }
  const kept = new Set(keep.map((backup) => backup.name));
  return newestFirst.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
}
