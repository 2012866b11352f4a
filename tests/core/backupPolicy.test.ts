import { describe, expect, it } from 'vitest';
import { backupsToDelete, type BackupEntry } from '../../src/core/backup/policy.js';
import type { BackupReason } from '../../src/core/backup/reasons.js';

const DAY = 86_400_000;
const TODAY = Date.parse('2026-06-30T00:00:00Z');

function backup(ageDays: number, hour = 12, sizeBytes = 1000, reason: BackupReason | null = null): BackupEntry {
  const createdAt = TODAY - ageDays * DAY + hour * 3_600_000;
  return { name: `b-${ageDays}-${hour}`, createdAt, reason, sizeBytes };
}

function safety(reason: BackupReason, ageDays: number, hour = 12, sizeBytes = 1000): BackupEntry {
  return { ...backup(ageDays, hour, sizeBytes, reason), name: `${reason}-${ageDays}-${hour}` };
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
    {
      name: 'keeps newest before-restore in a day',
      backups: [backup(0, 9), backup(3, 20, 1000, 'changes'), safety('before-restore', 3, 10), backup(3, 8)],
      deleted: ['b-3-8'],
    },
    { name: 'keeps newest before-import past nine months', backups: [backup(0, 9), safety('before-import', 400)], deleted: [] },
    { name: 'keeps newest before-migrating past nine months', backups: [backup(0, 9), safety('before-migrating', 400)], deleted: [] },
    {
      name: 'drops older safety copies of a kind',
      backups: [backup(0, 9), safety('before-restore', 3, 20), safety('before-restore', 3, 10), safety('before-restore', 400)],
      deleted: ['before-restore-3-10', 'before-restore-400-12'],
    },
    {
      name: 'keeps one safety copy per kind',
      backups: [backup(0, 9), safety('before-restore', 400), safety('before-import', 401), safety('before-migrating', 402)],
      deleted: [],
    },
    {
      name: 'pins no start-up, changes or request backup',
      backups: [backup(0, 9), backup(400, 1, 1000, 'start-up'), backup(401, 1, 1000, 'changes'), backup(402, 1, 1000, 'on-request')],
      deleted: ['b-400-1', 'b-401-1', 'b-402-1'],
    },
    {
      name: 'cap drops safety copies too',
      backups: [backup(0, 9, 600), safety('before-restore', 400, 12, 600)],
      deleted: ['before-restore-400-12'],
      cap: 1000,
    },
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
