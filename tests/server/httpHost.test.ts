import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInsideRoot } from '../../src/core/web/rendererFiles.js';
import { startHttpHost, type RunningServer } from '../../src/server/server.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

const TOKEN = 'a'.repeat(64);
let handle: TempApp;
let running: RunningServer;

beforeEach(async () => {
  handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 3) }, start: Date.parse('2026-06-01T12:00:00Z') });
  const staticRoot = join(handle.dataDir, 'static');
  mkdirSync(staticRoot, { recursive: true });
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Rehearse</title>');
  writeFileSync(join(handle.dataDir, 'secret.txt'), 'outside the static root');
  running = await startHttpHost({ handlers: handle.app.handlers, token: TOKEN, staticRoot, logger: testLogger }, 0);
});

afterEach(async () => {
  await running.close();
  handle.cleanup();
});

function api(method: string, body: unknown, token: string | null = TOKEN) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(`http://127.0.0.1:${running.port}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Sends a raw request with a chosen Host header, which fetch does not allow. */
function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: running.port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('browser host', () => {
  it('listens on loopback only', () => {
    expect(running.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/#token=${TOKEN}`);
  });

  it('API call with the token succeeds', async () => {
    const response = await api('getHome', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: { decks: { id: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.value.decks.map((deck) => deck.id)).toEqual(['alpha']);
  });

  const badTokens: { name: string; token: string | null }[] = [
    { name: 'no token', token: null },
    { name: 'wrong token', token: 'b'.repeat(64) },
    { name: 'short token', token: 'a' },
    { name: 'token with suffix', token: `${TOKEN}x` },
  ];
  it.each(badTokens)('$name gets 401', async ({ token }) => {
    const response = await api('getHome', {}, token);
    expect(response.status).toBe(401);
  });

  it('request without token writes nothing', async () => {
    await api('answerCard', { deckId: null, cardId: 'alpha-1', rating: 3, requestId: 'no-token-request', durationMs: 10 }, null);
    expect(handle.app.db.prepare('SELECT COUNT(*) AS n FROM review_log').get()).toEqual({ n: 0 });
  });

  const hosts: { host: string; status: number }[] = [
    { host: '127.0.0.1:PORT', status: 200 },
    { host: 'localhost:PORT', status: 200 },
    { host: 'evil.example:PORT', status: 403 },
    { host: '127.0.0.1', status: 403 },
    { host: '127.0.0.1:1', status: 403 },
  ];
  it.each(hosts)('Host $host gets $status', async ({ host, status }) => {
    expect(await rawGet('/', host.replace('PORT', String(running.port)))).toBe(status);
  });

  it('invalid payload is a validation error', async () => {
    const response = await api('answerCard', { deckId: null, cardId: 'alpha-1', rating: 7, requestId: 'bad-rating-request', durationMs: 10 });
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toContain('rating');
  });

  it('unknown method is 404', async () => {
    expect((await api('dropTables', {})).status).toBe(404);
  });

  it('malformed JSON is 400', async () => {
    const response = await fetch(`http://127.0.0.1:${running.port}/api/getHome`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('body over the limit is 413', async () => {
    const response = await api('getHome', { padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it('sends no CORS headers', async () => {
    const response = await api('getHome', {});
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('pages carry a strict CSP', async () => {
    const response = await fetch(`http://127.0.0.1:${running.port}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('static paths cannot escape the root', async () => {
    expect(await rawGet('/../secret.txt', `127.0.0.1:${running.port}`)).not.toBe(200);
    expect(await rawGet('/%2e%2e/secret.txt', `127.0.0.1:${running.port}`)).not.toBe(200);
    expect(resolveInsideRoot('/srv/root', '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveInsideRoot('/srv/root', '/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveInsideRoot('/srv/root', '/%00')).toBeNull();
    expect(resolveInsideRoot('/srv/root', '/assets/app.js')).toBe('/srv/root/assets/app.js');
  });
});
