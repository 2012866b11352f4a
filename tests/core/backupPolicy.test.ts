import { describe, expect, it } from 'vitest';
import { backupsToDelete, type BackupEntry } from '../../src/core/backup/policy.js';

const DAY = 86_400_000;
const TODAY = Date.parse('2026-06-30T00:00:00Z');

function backup(ageDays: number, hour = 12, sizeBytes = 1000): BackupEntry {
  const createdAt = TODAY - ageDays * DAY + hour * 3_600_000;
  return { name: `b-${ageDays}-${hour}`, createdAt, sizeBytes };
}

describe('backupsToDelete', () => {
  const cases: { name: string; backups: BackupEntry[]; deleted: string[]; cap?: number }[] = [
    { name: 'keeps every backup of today', backups: [backup(0, 1), backup(0, 2), backup(0, 3)], deleted: [] },
    { name: 'keeps every backup of yesterday', backups: [backup(0, 9), backup(1, 1), backup(1, 20)], deleted: [] },
    { name: 'one a day from two days back', backups: [backup(0, 9), backup(3, 8), backup(3, 20)], deleted: ['b-3-8'] },
    { name: 'one a week after two weeks', backups: [backup(0, 9), backup(14, 9), backup(16, 9), backup(21, 9)], deleted: ['b-16-9'] },
    { name: 'one a month after twelve weeks', backups: [backup(0, 9), backup(84, 9), backup(100, 9), backup(114, 9)], deleted: ['b-100-9'] },
    { name: 'drops backups past nine months', backups: [backup(0, 9), backup(400, 9)], deleted: ['b-400-9'] },
    { name: 'always keeps the newest', backups: [backup(500, 9)], deleted: [] },
    { name: 'cap drops oldest first', backups: [backup(0, 9, 600), backup(2, 9, 600), backup(3, 9, 600)], deleted: ['b-2-9', 'b-3-9'], cap: 1000 },
    { name: 'cap never drops the newest', backups: [backup(0, 9, 5000)], deleted: [], cap: 1000 },
  ];
  it.each(cases)('$name', ({ backups, deleted, cap }) => {
    expect(backupsToDelete(backups, TODAY, cap).sort()).toEqual([...deleted].sort());
  });

  it('year of hourly backups thins', () => {
    const backups: BackupEntry[] = [];
    for (let day = 0; day < 365; day += 1) for (let hour = 0; hour < 24; hour += 1) backups.push(backup(day, hour));
    const kept = backups.length - backupsToDelete(backups, TODAY).length;
    // 48 hourly backups of today and yesterday, 12 daily, 10 weekly and 9 monthly.
    expect(kept).toBe(48 + 12 + 10 + 9);
  });
});
