import { afterEach, expect, it } from 'vitest';
import { openExport } from '../../src/core/export/index.js';
import { answerCard } from '../../src/core/review/service.js';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';

let handle: TempApp;
afterEach(() => handle?.cleanup());

/** More answers than one CSV page (PAGE_ROWS is 2000), so the export yields to the event loop between pages. */
const ANSWERS = 2500;

it('review-log CSV export survives a restore', async () => {
  handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 50) }, start: Date.parse('2026-06-01T12:00:00Z') });
  for (let index = 0; index < ANSWERS; index += 1) {
    answerCard(handle.app.context, { deckId: null, cardId: `alpha-${(index % 50) + 1}`, rating: 3, requestId: `answer-${index}`, durationMs: 1000 });
  }
  const entry = await handle.app.backups.backupNow('on-request');
  const chunks = openExport(handle.app.context, 'review-log-csv').chunks[Symbol.asyncIterator]();
  let rows = 0;
  rows += (await chunks.next()).value?.rows ?? 0; // the header line
  rows += (await chunks.next()).value?.rows ?? 0; // the first page of 2000 rows

  const restore = await Promise.resolve(handle.app.handlers.restoreBackup({ name: entry.name })).then(
    () => null,
    (error: Error) => error,
  );
  // Either the restore waits for or rejects the running export, or the export ends whole.
  let exportError: Error | null = null;
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) rows += next.value.rows;
  } catch (error) {
    exportError = error as Error;
  }
  if (restore === null) {
    expect(exportError?.message).toBeUndefined();
    expect(rows).toBe(ANSWERS);
  } else {
    expect(restore.message).toMatch(/export/);
  }
});
