import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/core/api/contract.js';
import { dispatch } from '../../src/core/api/dispatch.js';
import { METHOD_NAMES, type MethodName } from '../../src/core/api/methods.js';
import { totalChanges } from '../../src/db/backup.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

const RUNS_PER_METHOD = 10_000;
let handle: TempApp;

beforeAll(() => {
  handle = openTempApp({ decks: { 'fuzz.yaml': basicDeckYaml('fuzz', 3) }, start: Date.parse('2026-06-01T12:00:00Z') });
});
afterAll(() => handle.cleanup());

/** Payloads shaped like the method's request, with wrong, missing or extra fields, plus arbitrary values. */
function malformedPayloads(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].request as unknown as { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  const nearMiss = fc.dictionary(
    fc.oneof(fc.constantFrom(...(keys.length > 0 ? keys : ['x'])), fc.string({ maxLength: 12 }), fc.constant('__proto__')),
    fc.oneof(fc.anything(), fc.string({ maxLength: 300 }), fc.integer(), fc.double(), fc.constant(null)),
    { maxKeys: keys.length + 2 },
  );
  return fc.oneof(fc.anything(), nearMiss, fc.string(), fc.array(fc.anything(), { maxLength: 5 }));
}

describe('every method rejects malformed payloads', () => {
  it.each([...METHOD_NAMES])('%s', async (method) => {
    const request = contract[method].request;
    const before = totalChanges(handle.app.db);
    await fc.assert(
      fc.asyncProperty(malformedPayloads(method), async (payload) => {
        // A random value may happen to be valid (e.g. {} for a method without fields); only invalid ones are tested.
        fc.pre(payload !== undefined && payload !== null && !request.safeParse(payload).success);
        const result = await dispatch(handle.app.handlers, method, payload, testLogger);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('validation');
      }),
      { numRuns: RUNS_PER_METHOD, seed: 20_261_204, maxSkipsPerRun: 1000 },
    );
    expect(totalChanges(handle.app.db)).toBe(before);
  }, 120_000);
});
