import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/core/api/contract.js';
import { METHOD_NAMES, type MethodName } from '../../src/core/api/methods.js';
import { totalChanges } from '../../src/db/backup.js';
import { startHttpHost, type RunningServer } from '../../src/server/server.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

// A smaller sample than the in-process property test, because each payload is a real HTTP request.
const RUNS_PER_METHOD = 300;
const TOKEN = 'f'.repeat(64);
let handle: TempApp;
let running: RunningServer;

beforeAll(async () => {
  handle = openTempApp({
    decks: { 'fuzz.yaml': basicDeckYaml('fuzz', 3) },
    start: Date.parse('2026-06-01T12:00:00Z'),
  });
  running = await startHttpHost(
    { handlers: handle.app.handlers, token: TOKEN, staticRoot: handle.dataDir, logger: testLogger },
    0,
  );
});

afterAll(async () => {
  await running.close();
  handle.cleanup();
});

interface ApiReply {
  status: number;
  body: { ok: boolean; error?: { code: string; message: string } };
}

async function post(method: string, body: string): Promise<ApiReply> {
  const response = await fetch(`http://127.0.0.1:${running.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as ApiReply['body'] };
}

/** Payloads shaped like the method's request with wrong, missing or extra fields, plus any JSON value. */
function malformedPayloads(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].request as unknown as { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  const key = fc.oneof(
    fc.constantFrom(...(keys.length > 0 ? keys : ['deckId'])),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('__proto__', 'constructor'),
  );
  const value = fc.oneof(
    fc.anything(),
    fc.string({ maxLength: 300 }),
    fc.integer(),
    fc.double(),
    fc.constant(null),
  );
  const nearMiss = fc.dictionary(key, value, { maxKeys: keys.length + 2 });
  return fc.oneof(fc.anything(), nearMiss, fc.string(), fc.array(fc.anything(), { maxLength: 5 }));
}

/** Returns the request the host validates for a body: an empty body or a JSON null becomes {}. */
function effectivePayload(body: string): unknown {
  return body.length === 0 ? {} : (JSON.parse(body) ?? {});
}

describe('HTTP host rejects malformed payloads', () => {
  it.each([...METHOD_NAMES])('%s', async (method) => {
    const request = contract[method].request;
    const changesBefore = totalChanges(handle.app.db);

    await fc.assert(
      fc.asyncProperty(malformedPayloads(method), async (payload) => {
        const body = JSON.stringify(payload) as string | undefined;
        // JSON cannot carry some values (undefined, functions), and a few random values are valid requests.
        fc.pre(body !== undefined && !request.safeParse(effectivePayload(body)).success);

        const reply = await post(method, body!);
        expect(reply.status).toBe(200);
        expect(reply.body.ok).toBe(false);
        expect(reply.body.error?.code).toBe('validation');
      }),
      { numRuns: RUNS_PER_METHOD, seed: 20_261_204, maxSkipsPerRun: 1000 },
    );

    expect(totalChanges(handle.app.db)).toBe(changesBefore);
    const home = await post('getHome', '{}');
    expect(home.status).toBe(200);
    expect(home.body.ok).toBe(true);
  }, 120_000);

  it('bodies that are not JSON get 400', async () => {
    const changesBefore = totalChanges(handle.app.db);
    const notJson = fc.string({ minLength: 1, maxLength: 200 }).filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    });

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), notJson, async (method, text) => {
        const reply = await post(method, text);
        expect(reply.status).toBe(400);
        expect(reply.body.error?.code).toBe('validation');
      }),
      { numRuns: RUNS_PER_METHOD, seed: 20_261_204 },
    );

    expect(totalChanges(handle.app.db)).toBe(changesBefore);
    expect((await post('getHome', '{}')).body.ok).toBe(true);
  }, 120_000);
});
