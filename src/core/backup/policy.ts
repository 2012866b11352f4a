/**
 * Which backups to keep as they age: every backup of today and yesterday, then
 * the newest of each day for 12 days, of each week for 10 weeks and of each
 * 30-day month for 9 months. Older ones go, and so do the oldest while the set
 * is over its size cap. The newest backup is always kept.
 */

export interface BackupEntry {
  name: string;
  createdAt: number;
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
 * Returns the names of backups to delete. Ages count whole days back from the
 * start of `todayStart` (the local midnight of today), so "today" and
 * "yesterday" follow the user's calendar.
 */
export function backupsToDelete(backups: BackupEntry[], todayStart: number, capBytes = DEFAULT_BACKUP_CAP_BYTES): string[] {
  const newestFirst = [...backups].sort((left, right) => right.createdAt - left.createdAt);
  const keep: BackupEntry[] = [];
  const usedBuckets = new Set<string>();
  for (const [index, backup] of newestFirst.entries()) {
    const ageDays = backup.createdAt >= todayStart ? 0 : Math.floor((todayStart - backup.createdAt - 1) / DAY_MS) + 1;
    const bucket = index === 0 ? 'all' : bucketOf(ageDays);
    if (bucket === null) continue;
    if (bucket !== 'all') {
      if (usedBuckets.has(bucket)) continue;
      usedBuckets.add(bucket);
    }
    keep.push(backup);
  }
  let total = keep.reduce((sum, backup) => sum + backup.sizeBytes, 0);
  while (total > capBytes && keep.length > 1) {
    const oldest = keep.pop()!;
    total -= oldest.sizeBytes;
  }
  const kept = new Set(keep.map((backup) => backup.name));
  return newestFirst.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
}
