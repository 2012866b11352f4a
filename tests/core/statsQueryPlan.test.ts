import { afterEach, describe, expect, it } from 'vitest';
import { DAYS_BETWEEN_SQL } from '../../src/db/repositories/stats.js';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';
import { answerAt, DAY } from './statsFixture.js';

const START = Date.parse('2026-03-02T12:00:00Z');
let handle: TempApp;

afterEach(() => handle?.cleanup());

describe('stats indexes', () => {
  it('migration creates the covering index', () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 2) }, start: START });
    const columns = handle.app.db.pragma('index_info(review_log_day_stats)') as { name: string }[];
    expect(columns.map((column) => column.name)).toEqual(['study_day', 'before_state', 'rating', 'duration_ms']);
  });

  it('per-day sums read the index only', () => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 2) }, start: START });
    answerAt(handle, START, 'alpha-1', 3);
    answerAt(handle, START + DAY, 'alpha-2', 1);
    handle.app.db.exec('ANALYZE');
    const plan = handle.app.db.prepare(`EXPLAIN QUERY PLAN ${DAYS_BETWEEN_SQL}`).all({ from: 0, to: 1e6 }) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' | ')).toContain('USING COVERING INDEX review_log_day_stats');
  });
});
