import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useApiStore } from '../../src/renderer/stores/api.js';
import { useErrorStore } from '../../src/renderer/stores/errors.js';
import { HEARTBEAT_MS, HISTORY_PAGE, useInterviewStore } from '../../src/renderer/stores/interview.js';
import { createSaver } from '../../src/renderer/stores/interviewSaver.js';
import { createInterviewApi, makePrompt, makeSession, reviewSession, type InterviewApi } from './interviewFixtures.js';

const START = Date.parse('2026-06-01T09:00:00Z');
let api: InterviewApi;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
  api = createInterviewApi();
  api.saveInterviewAnswer.mockResolvedValue({ saved: true, savedAt: START });
  useApiStore.setState({ api });
});

afterEach(() => {
  useInterviewStore.getState().reset();
  useErrorStore.setState({ message: null });
  useApiStore.setState({ api: null });
  vi.useRealTimers();
});

async function startSession() {
  api.startInterview.mockResolvedValue(makeSession([makePrompt(0), makePrompt(1)]));
  await useInterviewStore.getState().start({ format: 'rapid' });
}

function saveCalls() {
  return api.saveInterviewAnswer.mock.calls.map(([request]) => request);
}

describe('answer saver', () => {
  it('sends once after typing pauses', async () => {
    const send = vi.fn(async () => undefined);
    const saver = createSaver(send, 500);
    saver.schedule();
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule();
    await vi.advanceTimersByTimeAsync(499);
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('flush sends at once', async () => {
    const send = vi.fn(async () => undefined);
    const saver = createSaver(send, 500);
    saver.schedule();
    await saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('flush without a change sends nothing', async () => {
    const send = vi.fn(async () => undefined);
    await createSaver(send, 500).flush();
    expect(send).not.toHaveBeenCalled();
  });

  it('cancel drops the pending save', async () => {
    const send = vi.fn(async () => undefined);
    const saver = createSaver(send, 500);
    saver.schedule();
    saver.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('interview store', () => {
  it('typing saves text, time and a new revision', async () => {
    await startSession();
    useInterviewStore.getState().type('canary');
    await vi.advanceTimersByTimeAsync(200);
    useInterviewStore.getState().type('canary release');
    await vi.advanceTimersByTimeAsync(500);
    expect(saveCalls()).toEqual([{ sessionId: makeSession([]).id, position: 0, text: 'canary release', usedMs: 700, revision: 1 }]);
    expect(useInterviewStore.getState().saveStatus).toBe('saved');
  });

  it('expiry closes with the typed answer', async () => {
    await startSession();
    api.closeInterviewPrompt.mockResolvedValue(reviewSession());
    useInterviewStore.getState().type('cut off');
    vi.setSystemTime(START + 120_000);
    await useInterviewStore.getState().tick(Date.now());
    const [request] = api.closeInterviewPrompt.mock.calls[0]!;
    expect(request).toMatchObject({ position: 0, text: 'cut off', usedMs: 120_000, reason: 'expired' });
    expect(useInterviewStore.getState().review?.position).toBe(0);
  });

  it('pause stops expiry', async () => {
    await startSession();
    await useInterviewStore.getState().pause(START + 10_000);
    await useInterviewStore.getState().tick(START + 600_000);
    expect(api.closeInterviewPrompt).not.toHaveBeenCalled();
  });

  it('pause saves the time used', async () => {
    await startSession();
    await useInterviewStore.getState().pause(START + 10_000);
    expect(saveCalls().at(-1)?.usedMs).toBe(10_000);
  });

  it('leaving the page saves time without typing', async () => {
    await startSession();
    vi.setSystemTime(START + 4000);
    await useInterviewStore.getState().flush();
    expect(saveCalls()).toHaveLength(1);
    expect(saveCalls()[0]!.usedMs).toBe(4000);
  });

  it('typing while paused is ignored', async () => {
    await startSession();
    await useInterviewStore.getState().pause(START + 1000);
    useInterviewStore.getState().type('sneaky');
    expect(useInterviewStore.getState().draft).toBe('');
  });

  it('heartbeat stores time without typing', async () => {
    await startSession();
    vi.setSystemTime(START + HEARTBEAT_MS);
    await useInterviewStore.getState().tick(Date.now());
    expect(saveCalls()).toHaveLength(1);
    expect(saveCalls()[0]!.usedMs).toBe(HEARTBEAT_MS);
  });

  it('resumed session starts paused with its time', async () => {
    const prompt = makePrompt(0, { status: 'answering', usedMs: 50_000, answer: 'kept', revision: 4 });
    api.getInterviewSession.mockResolvedValue(makeSession([prompt, makePrompt(1)]));
    await useInterviewStore.getState().openSession(makeSession([]).id);
    const state = useInterviewStore.getState();
    expect(state.draft).toBe('kept');
    expect(state.revision).toBe(4);
    expect(state.timer?.runningSince).toBeNull();
    expect(state.timer?.prompts[0]?.usedMs).toBe(50_000);
  });

  it('correcting ticks updates the proposal', async () => {
    api.getInterviewSession.mockResolvedValue(reviewSession());
    await useInterviewStore.getState().openSession(reviewSession().id);
    expect(useInterviewStore.getState().review?.rating).toBe(2);
    useInterviewStore.getState().togglePoint(2);
    expect(useInterviewStore.getState().review?.rating).toBe(3);
  });

  it('a chosen rating survives tick changes', async () => {
    api.getInterviewSession.mockResolvedValue(reviewSession());
    await useInterviewStore.getState().openSession(reviewSession().id);
    useInterviewStore.getState().chooseRating(1);
    useInterviewStore.getState().togglePoint(2);
    expect(useInterviewStore.getState().review?.rating).toBe(1);
  });

  it('confirm sends the covered points once per request id', async () => {
    api.getInterviewSession.mockResolvedValue(reviewSession());
    api.scoreInterviewPrompt.mockRejectedValueOnce(new Error('network down')).mockResolvedValue(makeSession([makePrompt(0), makePrompt(1)]));
    await useInterviewStore.getState().openSession(reviewSession().id);
    await useInterviewStore.getState().confirmScore();
    await useInterviewStore.getState().confirmScore();
    const [first, second] = api.scoreInterviewPrompt.mock.calls.map(([request]) => request);
    expect(first).toMatchObject({ position: 0, coveredPoints: [0, 1], rating: 2 });
    expect(second!.requestId).toBe(first!.requestId);
  });
});

describe('interview history', () => {
  function entries(count: number, offset = 0) {
    return Array.from({ length: count }, (_, index) => ({
      id: `session-${offset + index}`,
      format: 'rapid' as const,
      formatTitle: 'Rapid fire',
      status: 'finished' as const,
      startedAt: START - index,
      finishedAt: START,
      prompts: 8,
      scored: 8,
      usedMs: 1000,
      meanCoverage: 0.5,
    }));
  }

  it('full page offers older sessions', async () => {
    api.listInterviewHistory.mockResolvedValueOnce({ sessions: entries(HISTORY_PAGE) }).mockResolvedValueOnce({ sessions: entries(3, HISTORY_PAGE) });
    await useInterviewStore.getState().loadHistory();
    expect(useInterviewStore.getState().historyHasMore).toBe(true);
    await useInterviewStore.getState().loadOlderHistory();
    expect(api.listInterviewHistory).toHaveBeenLastCalledWith({ limit: HISTORY_PAGE, offset: HISTORY_PAGE });
    expect(useInterviewStore.getState().history).toHaveLength(HISTORY_PAGE + 3);
    expect(useInterviewStore.getState().historyHasMore).toBe(false);
  });
});
