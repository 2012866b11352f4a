import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppHandlers } from '../../src/core/api/contract.js';
import { ipcChannel, METHOD_NAMES } from '../../src/core/api/methods.js';
import { openApp, type App } from '../../src/core/app.js';
import { createLogger } from '../../src/log/logger.js';
import { captureLogs } from './testLog.js';

vi.mock('electron', async () => await import('./fakeElectron.js'));

const fake = await import('./fakeElectron.js');
const { registerIpcHandlers, removeIpcHandlers } = await import('../../src/electron/ipc.js');

const logs = captureLogs();
const logger = createLogger('test');
let dataDir: string;
let rehearse: App;
let calls: string[];

/** Wraps the real handlers so a test can see which ones ran. */
function countingHandlers(handlers: AppHandlers): AppHandlers {
  const wrapped: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    wrapped[method] = (request: unknown) => {
      calls.push(method);
      return (handlers[method] as (request: unknown) => unknown)(request);
    };
  }
  return wrapped as AppHandlers;
}

function invoke(method: string, frameUrl: string | null, payload: unknown): Promise<unknown> {
  const handler = fake.ipcMain.handlers.get(`rehearse:${method}`);
  if (!handler) throw new Error(`no handler for ${method}`);
  const senderFrame = frameUrl === null ? null : { url: frameUrl };
  return handler({ senderFrame }, payload) as Promise<unknown>;
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'rehearse-ipc-'));
  rehearse = openApp({ dataDir, decksDir: join(process.cwd(), 'decks'), logger });
});

afterAll(() => {
  rehearse.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.resetFakeElectron();
  logs.length = 0;
  calls = [];
  registerIpcHandlers(countingHandlers(rehearse.handlers), logger);
});

describe('IPC handlers', () => {
  it('registers one channel per method', () => {
    const channels = [...fake.ipcMain.handlers.keys()].sort();
    expect(channels).toEqual(METHOD_NAMES.map(ipcChannel).sort());
  });

  it('accepts the app origin', async () => {
    const result = await invoke('getHome', 'app://rehearse/index.html', {});
    expect(result).toMatchObject({ ok: true, value: { decks: expect.any(Array) } });
    expect(calls).toEqual(['getHome']);
  });

  it('returns real settings', async () => {
    const result = (await invoke('getSettings', 'app://rehearse/index.html', {})) as {
      ok: boolean;
    };
    expect(result.ok).toBe(true);
  });

  it.each([
    ['null frame', null],
    ['other origin', 'https://example.com/'],
    ['file URL', 'file:///tmp/index.html'],
    ['lookalike host', 'app://rehearse.evil/index.html'],
    ['other port', 'app://rehearse:8080/index.html'],
    ['credentials', 'app://user@rehearse/index.html'],
    ['devtools', 'devtools://devtools/bundled/index.html'],
    ['empty URL', ''],
  ])('rejects %s', async (_name, frameUrl) => {
    const result = await invoke('getHome', frameUrl, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('logs a rejected sender', async () => {
    await invoke('getHome', 'https://example.com/', {});
    expect(logs.at(-1)).toMatchObject({
      level: 'warn',
      method: 'getHome',
      senderUrl: 'https://example.com/',
    });
  });

  it.each([
    ['getHome', { extra: 1 }],
    ['getStudyStep', {}],
    ['getStudyStep', { deckId: 42 }],
    ['answerCard', { deckId: null, cardId: 'x', rating: 5, requestId: 'abcdefgh', durationMs: 1 }],
    ['answerCard', { deckId: null, cardId: 'x', rating: 3, requestId: 'bad id!!', durationMs: 1 }],
    ['undoAnswer', 'not an object'],
    ['updateSettings', { newPerDay: 'many' }],
    ['updateSettings', { theme: 'neon' }],
  ])('%s rejects invalid payload %j', async (method, payload) => {
    const result = await invoke(method, 'app://rehearse/index.html', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(calls).toEqual([]);
  });

  it('removes every handler', () => {
    removeIpcHandlers();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});
