import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/tempApp.js';

let temp: ReturnType<typeof makeTempDir> | null = null;
afterEach(() => {
  temp?.cleanup();
  temp = null;
});

describe('benchmark fixture', () => {
  it('small fixture matches its manifest', () => {
    temp = makeTempDir();
    const out = join(temp.path, 'fixture');
    const args = ['--import', 'tsx', 'bench/fixture.ts', '--out', out, '--cards', '2000', '--reviews', '20000', '--decks', '16', '--now', '2026-12-04T12:00:00Z'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(/failed/i);
    expect(run.status).toBe(0);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { cards: number; reviews: number; decks: number };
    expect(manifest).toMatchObject({ cards: 2000, reviews: 20000, decks: 16 });
    expect(existsSync(join(out, 'data', 'rehearse.db-wal'))).toBe(false);
    const db = new DatabaseConstructor(join(out, 'data', 'rehearse.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM review_log').pluck().get()).toBe(manifest.reviews);
      expect(db.prepare('SELECT COUNT(*) FROM cards').pluck().get()).toBe(manifest.cards);
      expect(db.prepare('SELECT SUM(answers) FROM review_day_totals').pluck().get()).toBe(manifest.reviews);
      const schema = db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'review_log' AND type IN ('index', 'trigger') ORDER BY name").pluck().all();
      expect(schema).toEqual(['review_day_totals_delete', 'review_day_totals_insert', 'review_day_totals_update', 'review_log_card', 'review_log_day', 'review_log_request']);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
