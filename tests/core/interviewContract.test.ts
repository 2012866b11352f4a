import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/api/dispatch.js';
import { interviewDeckYaml, promptSpecs } from '../helpers/interviewDecks.js';
import { openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

const START = Date.parse('2026-06-01T12:00:00Z');
const SESSION_ID = '6f1c2a34-8f43-4f6e-9a51-1c0a7c1f2b3d';
let handle: TempApp | undefined;

afterEach(() => {
  handle?.cleanup();
  handle = undefined;
});

function call(method: string, payload: unknown) {
  handle ??= openTempApp({ decks: { 'serving.yaml': interviewDeckYaml('serving', promptSpecs('rapid', 2, 'rapid')) }, start: START });
  return dispatch(handle.app.handlers, method, payload, testLogger);
}

describe('interview requests', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['unknown format', 'startInterview', { format: 'marathon' }, /format/],
    ['custom without options', 'startInterview', { format: 'custom' }, /custom: a Custom interview needs custom options/],
    ['too many custom prompts', 'startInterview', { format: 'custom', custom: { count: 21, minutesEach: 2 } }, /custom\.count/],
    ['extra field', 'startInterview', { format: 'rapid', speed: 2 }, /speed/],
    ['session id not a uuid', 'getInterviewSession', { sessionId: 'abc' }, /sessionId: must be a session id/],
    ['answer too long', 'saveInterviewAnswer', { sessionId: SESSION_ID, position: 0, text: 'x'.repeat(50_001), usedMs: 0, revision: 1 }, /text: must be at most 50000/],
    ['negative time', 'saveInterviewAnswer', { sessionId: SESSION_ID, position: 0, text: '', usedMs: -1, revision: 1 }, /usedMs/],
    ['revision zero', 'saveInterviewAnswer', { sessionId: SESSION_ID, position: 0, text: '', usedMs: 0, revision: 0 }, /revision/],
    ['unknown close reason', 'closeInterviewPrompt', { sessionId: SESSION_ID, position: 0, text: '', usedMs: 0, revision: 1, reason: 'bored' }, /reason/],
    ['rating five', 'scoreInterviewPrompt', { sessionId: SESSION_ID, position: 0, coveredPoints: [], rating: 5, requestId: 'request-1234' }, /rating/],
    ['bad request id', 'scoreInterviewPrompt', { sessionId: SESSION_ID, position: 0, coveredPoints: [], rating: 3, requestId: 'no spaces!' }, /requestId/],
  ])('%s is a validation error', async (_name, method, payload, message) => {
    const result = await call(method, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toMatch(message);
  });

  it('unknown session is not found', async () => {
    const result = await call('getInterviewSession', { sessionId: SESSION_ID });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: `Interview session "${SESSION_ID}" was not found. Open it again from History.` },
    });
  });

  it('defaults fill a minimal start', async () => {
    const result = await call('startInterview', { format: 'rapid', seed: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = result.value as { reviewMode: string; seed: number; prompts: unknown[] };
    expect(session.reviewMode).toBe('each');
    expect(session.seed).toBe(3);
    expect(session.prompts).toHaveLength(2);
  });

  it('history defaults to the first page', async () => {
    const result = await call('listInterviewHistory', {});
    expect(result).toEqual({ ok: true, value: { sessions: [] } });
  });
});
