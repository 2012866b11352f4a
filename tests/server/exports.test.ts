import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openExport } from '../../src/core/export/index.js';
import { contentDisposition, createExportHost } from '../../src/server/exports.js';
import { startHttpHost, type RunningServer } from '../../src/server/server.js';
import { editTable, setField } from '../core/exportLayouts.js';
import { answerAt } from '../core/statsFixture.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

const TOKEN = 'c'.repeat(64);
const START = Date.parse('2026-06-01T12:00:00Z');
let handle: TempApp;
let running: RunningServer;

beforeEach(async () => {
  handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 3) }, start: START });
  const exports = createExportHost(handle.app, testLogger);
  running = await startHttpHost(
    { handlers: { ...handle.app.handlers, ...exports.handlers }, extraRoutes: exports.routes, token: TOKEN, staticRoot: handle.dataDir, logger: testLogger },
    0,
  );
});

afterEach(async () => {
  await running.close();
  handle.cleanup();
});

async function api(method: string, body: unknown): Promise<{ ok: boolean; value?: Record<string, string>; error?: { code: string; message: string } }> {
  const response = await fetch(`http://127.0.0.1:${running.port}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value?: Record<string, string> };
}

function get(path: string, token: string | null = TOKEN): Promise<Response> {
  return fetch(`http://127.0.0.1:${running.port}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
}

describe('browser host exports', () => {
  it('download streams the file once', async () => {
    answerAt(handle, START, 'alpha-1', 3, 2500);
    const result = await api('exportData', { kind: 'review-log-csv' });
    const url = result.value!.url!;
    expect(url).toMatch(/^\/exports\/download\?id=[0-9a-f]{32}$/);
    const first = await get(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toBe(contentDisposition('rehearse-review-log-2026-06-01.csv'));
    expect(first.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await first.text()).toBe(`card_id,review_time,review_rating,review_state,review_duration\r\nalpha-1,${START},3,0,2500\r\n`);
    expect((await get(url)).status).toBe(404);
  });

  it('download needs the token', async () => {
    const result = await api('exportData', { kind: 'json' });
    expect((await get(result.value!.url!, null)).status).toBe(401);
  });

  it('pdf is refused in a browser', async () => {
    const result = await api('exportData', { kind: 'pdf' });
    expect(result.error).toMatchObject({ code: 'validation' });
    expect(result.error!.message).toContain('desktop app');
  });

  it('upload imports a backup', async () => {
    const source = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 3) }, start: START });
    try {
      answerAt(source, START, 'alpha-2', 4);
      let text = '';
      for await (const chunk of openExport(source.app.context, 'json').chunks) text += chunk.text;
      const upload = await api('importData', {});
      expect(upload.value).toEqual({ kind: 'upload', url: '/exports/import' });
      const response = await fetch(`http://127.0.0.1:${running.port}/exports/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: text,
      });
      expect(await response.json()).toEqual({
        ok: true,
        value: { kind: 'imported', summary: { decks: 1, cards: 3, reviews: 1, interviewSessions: 0, safetyBackup: expect.stringMatching(/before-import/) } },
      });
    } finally {
      source.cleanup();
    }
  });

  it('upload of a bad file is a validation error', async () => {
    const response = await fetch(`http://127.0.0.1:${running.port}/exports/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: '{"format":"something else"}',
    });
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('validation');
    expect(readdirSync(handle.dataDir).filter((name) => name.startsWith('.import-'))).toEqual([]);
  });

  it('upload of a bad row leaves the folder as it was', async () => {
    const source = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 3) }, start: START });
    try {
      answerAt(source, START, 'alpha-2', 4);
      answerAt(source, START + 60_000, 'alpha-3', 2);
      let text = '';
      for await (const chunk of openExport(source.app.context, 'json').chunks) text += chunk.text.toString();
      const response = await fetch(`http://127.0.0.1:${running.port}/exports/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: editTable(text, 'reviewLog', (table) => setField(table, 1, 'rating', 9)),
      });
      const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body.error.code).toBe('validation');
      expect(body.error.message).toContain('reviewLog[1] breaks a rule of its table (CHECK constraint failed: rating BETWEEN 1 AND 4)');
      expect(handle.app.db.prepare('SELECT COUNT(*) FROM review_log').pluck().get()).toBe(0);
      expect(readdirSync(handle.dataDir).filter((name) => name.startsWith('.import-'))).toEqual([]);
    } finally {
      source.cleanup();
    }
  });

  it.each([
    ['damaged card content', (text: string) => editTable(text, 'cards', (table) => setField(table, 0, 'content', 'not json')), 'cards[0].content is not valid JSON'],
    ['retention that is not a number', (text: string) => text.replace('["desiredRetention","0.85"]', '["desiredRetention","\\"banana\\""]'), 'settings[0].value "banana" is not valid for desiredRetention'],
  ])('upload with %s is a validation error', async (_name, edit, message) => {
    const source = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 3) }, start: START });
    try {
      source.app.handlers.updateSettings({ desiredRetention: 0.85 });
      let text = '';
      for await (const chunk of openExport(source.app.context, 'json').chunks) text += chunk.text.toString();
      const edited = edit(text);
      expect(edited).not.toBe(text);
      const response = await fetch(`http://127.0.0.1:${running.port}/exports/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: edited,
      });
      const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body.error.code).toBe('validation');
      expect(body.error.message).toContain(message);
      expect((await handle.app.handlers.getSettings({})).desiredRetention).toBe(0.9);
    } finally {
      source.cleanup();
    }
  });

  it('upload over the size cap is refused', async () => {
    const exports = createExportHost(handle.app, testLogger, { maxImportBytes: 1024 * 1024 });
    const small = await startHttpHost(
      { handlers: { ...handle.app.handlers, ...exports.handlers }, extraRoutes: exports.routes, token: TOKEN, staticRoot: handle.dataDir, logger: testLogger },
      0,
    );
    try {
      const response = await fetch(`http://127.0.0.1:${small.port}/exports/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: 'x'.repeat(2 * 1024 * 1024),
      });
      const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body.error.code).toBe('validation');
      expect(body.error.message).toContain('larger than 1 MB, the most an upload may be');
      expect(readdirSync(handle.dataDir).filter((name) => name.startsWith('.import-'))).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it.each([
    ['plain name', 'report.html', 'attachment; filename="report.html"; filename*=UTF-8\'\'report.html'],
    ['quote and accent', 'ré"port.csv', 'attachment; filename="r__port.csv"; filename*=UTF-8\'\'r%C3%A9%22port.csv'],
  ])('content disposition: %s', (_name, fileName, expected) => {
    expect(contentDisposition(fileName)).toBe(expected);
  });
});
