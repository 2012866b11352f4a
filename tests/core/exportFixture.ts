import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ImportSummary } from '../../src/core/api/stats.js';
import { openExport } from '../../src/core/export/index.js';
import { importBackup, type ImportOptions } from '../../src/core/export/jsonImport.js';
import type { ExportStream } from '../../src/core/export/stream.js';
import { basicDeckYaml, makeTempDir, openTempApp, type TempApp } from '../helpers/tempApp.js';
import { answerAt, DAY, HOUR, insertInterview } from './statsFixture.js';

export const START = Date.parse('2026-03-02T12:00:00Z');
const DECKS = { 'alpha.yaml': basicDeckYaml('alpha', 6), 'beta.yaml': basicDeckYaml('beta', 4, 'monitoring-and-retraining') };

/** Temp data folders for export and import tests, each removed after its test. */
export interface ExportTestFolders {
  /** Opens Rehearse on a fresh folder with decks alpha (6 cards) and beta (4 cards), and `moreDecks` if given. */
  open(moreDecks?: Record<string, string>): TempApp;
  /** Writes `text` to a file in a temp folder and imports it into `handle`. */
  importText(handle: TempApp, text: string, options?: ImportOptions): Promise<ImportSummary>;
  /** Makes an empty temp folder and returns its path. */
  makeFolder(): string;
}

/** Registers an afterEach that removes every folder the returned functions made. */
export function useExportTestFolders(): ExportTestFolders {
  const handles: TempApp[] = [];
  const folders: { cleanup: () => void }[] = [];
  afterEach(() => {
    for (const handle of handles.splice(0)) handle.cleanup();
    for (const folder of folders.splice(0)) folder.cleanup();
  });
  function makeFolder(): string {
    const folder = makeTempDir();
    folders.push(folder);
    return folder.path;
  }
  return {
    makeFolder,
    open(moreDecks = {}) {
      const handle = openTempApp({ decks: { ...DECKS, ...moreDecks }, start: START });
      handles.push(handle);
      return handle;
    },
    importText(handle, text, options) {
      const path = join(makeFolder(), 'backup.json');
      writeFileSync(path, text);
      return importBackup(handle.app, path, options);
    },
  };
}

/**
 * Six answers over three weeks and one mock interview: new cards on day 0,
 * a learning card answered twice, a review on day 20 and one answer given in
 * an interview. The clock ends on day 21.
 */
export function withHistory(handle: TempApp): void {
  answerAt(handle, START, 'alpha-1', 4, 4200);
  answerAt(handle, START + HOUR, 'alpha-2', 3, 3100);
  answerAt(handle, START + HOUR + 60_000, 'alpha-2', 3, 2500);
  answerAt(handle, START + 2 * HOUR, 'beta-1', 1, 9000);
  answerAt(handle, START + 20 * DAY, 'alpha-1', 2, 5000);
  answerAt(handle, START + 20 * DAY + HOUR, 'beta-2', 3, 15_000, 'interview');
  insertInterview(handle, 'session-1', START + 20 * DAY + 2 * HOUR, [{ cardId: 'beta-2', keyPoints: 3, covered: 2, rating: 3 }]);
  handle.clock.now = START + 21 * DAY;
}

/** Reads a whole export stream as text. */
export async function readAll(stream: ExportStream): Promise<string> {
  let text = '';
  for await (const chunk of stream.chunks) text += typeof chunk.text === 'string' ? chunk.text : Buffer.from(chunk.text).toString('utf8');
  return text;
}

export function exportText(handle: TempApp, kind: 'progress-csv' | 'review-log-csv' | 'json' | 'html'): Promise<string> {
  return readAll(openExport(handle.app.context, kind));
}
