// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/renderer/api/ApiError.js';
import { createBridgeApi } from '../../src/renderer/api/bridgeApi.js';
import type { RehearseBridge } from '../../src/renderer/api/bridge.js';
import { createHttpApi } from '../../src/renderer/api/httpApi.js';
import { readAccessToken } from '../../src/renderer/api/token.js';

const TOKEN = 'a1b2c3d4e5f6';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('access token', () => {
  beforeEach(() => sessionStorage.clear());

  it('reads the token from the hash and removes it', () => {
    history.replaceState(null, '', `/#token=${TOKEN}`);

    expect(readAccessToken(location, sessionStorage, history)).toBe(TOKEN);
    expect(location.hash).toBe('');
  });

  it('keeps the token for a reload without the hash', () => {
    history.replaceState(null, '', `/#token=${TOKEN}`);
    readAccessToken(location, sessionStorage, history);

    expect(readAccessToken(location, sessionStorage, history)).toBe(TOKEN);
  });

  it('returns null without any token', () => {
    history.replaceState(null, '', '/');

    expect(readAccessToken(location, sessionStorage, history)).toBeNull();
  });
});

describe('http api', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('posts to the method path with the bearer token', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ok: true, value: { theme: 'dark' } }));

    await createHttpApi(TOKEN).getStudyStep({ deckId: 'mlflow' });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/getStudyStep');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
    expect(init?.body).toBe('{"deckId":"mlflow"}');
  });

  it('returns the value of a result', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ok: true, value: { newPerDay: 7 } }));

    expect(await createHttpApi(TOKEN).getSettings({})).toEqual({ newPerDay: 7 });
  });

  it('throws the error of a result', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ ok: false, error: { code: 'validation', message: 'Bad value' } }, 400));

    const error = await rejection(createHttpApi(TOKEN).getSettings({}));

    expect(error.code).toBe('validation');
    expect(error.message).toBe('Bad value');
  });

  it('reports an unreachable server', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    const error = await rejection(createHttpApi(TOKEN).getHome({}));

    expect(error.message).toMatch(/server cannot be reached/);
  });

  it('reports a rejected token', async () => {
    fetchMock.mockResolvedValue(new Response('Unauthorized', { status: 401 }));

    const error = await rejection(createHttpApi(TOKEN).getHome({}));

    expect(error.message).toMatch(/access token/);
  });

  it('reports a response that is no result', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 }));

    const error = await rejection(createHttpApi(TOKEN).getHome({}));

    expect(error.message).toMatch(/HTTP 502/);
  });
});

describe('bridge api', () => {
  function bridgeWith(getHome: () => Promise<unknown>): RehearseBridge {
    return { getHome } as unknown as RehearseBridge;
  }

  it('unwraps a successful result', async () => {
    const api = createBridgeApi(bridgeWith(async () => ({ ok: true, value: 'home' })));

    expect(await api.getHome({})).toBe('home');
  });

  it('throws the error of a result', async () => {
    const api = createBridgeApi(bridgeWith(async () => ({ ok: false, error: { code: 'conflict', message: 'Taken' } })));

    const error = await rejection(api.getHome({}));

    expect(error.code).toBe('conflict');
  });

  it('reports a failed IPC call', async () => {
    const api = createBridgeApi(bridgeWith(async () => Promise.reject(new Error('channel closed'))));

    const error = await rejection(api.getHome({}));

    expect(error.message).toContain('channel closed');
  });
});
