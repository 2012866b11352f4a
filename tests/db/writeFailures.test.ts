import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch.js';
import { createHandlers } from '../../src/core/handlers.js';
import { openDatabase } from '../../src/db/connection.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

let handle: TempApp;
afterEach(() => handle?.cleanup());

const ANSWER = { deckId: null, cardId: 'disk-1', rating: 3, requestId: 'disk-request-1', durationMs: 1000 };

function open(): TempApp {
  handle = openTempApp({ decks: { 'disk.yaml': basicDeckYaml('disk', 3) }, start: Date.parse('2026-06-01T12:00:00Z') });
  return handle;
}

describe('failed writes', () => {
  it('full disk reports the failure and writes nothing', async () => {
    open();
    const db = handle.app.db;
    await dispatch(handle.app.handlers, 'answerCard', { ...ANSWER, cardId: 'disk-2', requestId: 'disk-seed' }, testLogger);
    const stateBefore = handle.app.context.repositories.states.get('disk-1');
    // SQLite's page cap stands in for a full disk: no page may be added to the file.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    // Fill the review log's free space with copies of the seed row, so the next answer needs a new page.
    const columns = (db.pragma('table_info(review_log)') as { name: string }[]).map((column) => column.name).filter((name) => name !== 'id' && name !== 'request_id');
    const copy = db.prepare(`INSERT INTO review_log (request_id, ${columns.join(', ')}) SELECT ?, ${columns.join(', ')} FROM review_log WHERE request_id = 'disk-seed'`);
    let filler = 0;
    try {
      for (;;) copy.run(`filler-${filler++}`);
    } catch {
      // Expected: the cap was reached.
    }
    const rowsBefore = db.prepare('SELECT COUNT(*) AS n FROM review_log').get();

    const result = await dispatch(handle.app.handlers, 'answerCard', ANSWER, testLogger);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('storage');
      expect(result.error.message).toMatch(/disk is full/);
    }
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_log').get()).toEqual(rowsBefore);
    expect(handle.app.context.repositories.states.get('disk-1')).toEqual(stateBefore);

    // Once space is back, the same request id goes through once.
    db.pragma('max_page_count = 1073741823');
    const retry = await dispatch(handle.app.handlers, 'answerCard', ANSWER, testLogger);
    expect(retry.ok).toBe(true);
    expect(db.prepare("SELECT COUNT(*) AS n FROM review_log WHERE request_id = 'disk-request-1'").get()).toEqual({ n: 1 });
  });

  it('read-only database reports the failure and writes nothing', async () => {
    open();
    handle.app.close();
    const readOnly = openDatabase(join(handle.dataDir, 'rehearse.db'), { logger: testLogger, readOnly: true });
    const context = { ...handle.app.context, db: readOnly, repositories: createRepositories(readOnly) };
    const handlers = createHandlers(context, {
      backups: handle.app.backups,
      health: { uncleanShutdown: false, checked: false, problems: [] },
      dataDir: handle.dataDir,
      restore: () => Promise.reject(new Error('not used')),
    });
    const result = await dispatch(handlers, 'answerCard', ANSWER, testLogger);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('storage');
      expect(result.error.message).toMatch(/read-only/);
    }
    expect(readOnly.prepare('SELECT COUNT(*) AS n FROM review_log').get()).toEqual({ n: 0 });
    readOnly.close();
    handle.reopen();
  });
});
