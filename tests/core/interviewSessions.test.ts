import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewSessionView } from '../../src/core/api/interview.js';
import { getStudyStep } from '../../src/core/review/service.js';
import { interviewDeckYaml, promptSpecs } from '../helpers/interviewDecks.js';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';

const START = Date.parse('2026-06-01T12:00:00Z');
const FULL_ANSWER = 'A canary release, p99 latency, a feature store and a model registry.';
let handle: TempApp;
let counter = 0;

function open(): TempApp {
  handle = openTempApp({
    decks: {
      'serving.yaml': interviewDeckYaml('serving', [
        ...promptSpecs('rapid', 3, 'rapid'),
        ...promptSpecs('dive', 2, 'deep-dive'),
        ...promptSpecs('story', 1, 'behavioural', 'behavioural'),
      ]),
      'basics.yaml': basicDeckYaml('basics', 2),
    },
    start: START,
  });
  return handle;
}

function api() {
  return handle.app.handlers;
}

function requestId(): string {
  counter += 1;
  return `interview-request-${counter}`;
}

async function start(format: 'rapid' | 'behavioural' = 'rapid', reviewMode: 'each' | 'end' = 'each') {
  return api().startInterview({ format, reviewMode, seed: 11, topicDeckId: null, custom: null });
}

async function close(session: InterviewSessionView, position: number, text: string, reason: 'next' | 'skip' | 'expired' = 'next') {
  return api().closeInterviewPrompt({ sessionId: session.id, position, text, usedMs: 30_000, revision: 100, reason });
}

async function score(session: InterviewSessionView, position: number, rating: 1 | 2 | 3 | 4, id = requestId()) {
  const prompt = session.prompts[position]!;
  const coveredPoints = prompt.keyPoints.flatMap((point, index) => (point.matched ? [index] : []));
  return api().scoreInterviewPrompt({ sessionId: session.id, position, coveredPoints, rating, requestId: id });
}

async function runAll(session: InterviewSessionView): Promise<InterviewSessionView> {
  let current = session;
  for (const prompt of session.prompts) {
    current = await close(current, prompt.position, prompt.position === 0 ? FULL_ANSWER : 'Only a canary release.');
    current = await score(current, prompt.position, current.prompts[prompt.position]!.proposedRating!);
  }
  return current;
}

function interviewLogRows() {
  return handle.app.db.prepare("SELECT * FROM review_log WHERE source = 'interview'").all() as Record<string, unknown>[];
}

afterEach(() => handle?.cleanup());

describe('interview sessions', () => {
  it('start plans the format and stores it', async () => {
    open();
    const session = await start();
    expect(session.prompts).toHaveLength(3);
    expect(session.requested).toBe(8);
    expect(session.step).toEqual({ kind: 'answer', position: 0 });
    expect(session.prompts.every((prompt) => prompt.timeLimitMs === 120_000)).toBe(true);
  });

  it('second start while one is open is a conflict', async () => {
    open();
    await start();
    await expect(start('behavioural')).rejects.toThrow(/is unfinished.*Resume or discard/);
  });

  it('format without prompts names the style', async () => {
    handle = openTempApp({ decks: { 'basics.yaml': basicDeckYaml('basics', 2) }, start: START });
    await expect(start()).rejects.toThrow(/No interview prompts of style "rapid"/);
  });

  it('unknown custom deck is named', async () => {
    open();
    const request = { format: 'custom' as const, custom: { families: [], deckIds: ['nope'], count: 2, minutesEach: 2 } };
    await expect(async () => api().startInterview({ ...request, topicDeckId: null, reviewMode: 'each' })).rejects.toThrow(/Deck "nope" was not found/);
  });

  it('save stores text and time in one row', async () => {
    open();
    const session = await start();
    const result = await api().saveInterviewAnswer({ sessionId: session.id, position: 0, text: 'half an answer', usedMs: 12_000, revision: 1 });
    expect(result.saved).toBe(true);
    const view = await api().getInterviewSession({ sessionId: session.id });
    expect(view.prompts[0]!.answer).toBe('half an answer');
    expect(view.prompts[0]!.usedMs).toBe(12_000);
    expect(view.prompts[0]!.status).toBe('answering');
  });

  it('stale save is ignored', async () => {
    open();
    const session = await start();
    await api().saveInterviewAnswer({ sessionId: session.id, position: 0, text: 'newer text', usedMs: 9000, revision: 5 });
    const stale = await api().saveInterviewAnswer({ sessionId: session.id, position: 0, text: 'older', usedMs: 4000, revision: 4 });
    expect(stale.saved).toBe(false);
    expect((await api().getInterviewSession({ sessionId: session.id })).prompts[0]!.answer).toBe('newer text');
  });

  it('save after close keeps the closed answer', async () => {
    open();
    const session = await start();
    await close(session, 0, 'final words');
    const late = await api().saveInterviewAnswer({ sessionId: session.id, position: 0, text: 'late', usedMs: 1, revision: 999 });
    expect(late.saved).toBe(false);
    expect((await api().getInterviewSession({ sessionId: session.id })).prompts[0]!.answer).toBe('final words');
  });

  it('used time is capped at the limit', async () => {
    open();
    const session = await start();
    await api().saveInterviewAnswer({ sessionId: session.id, position: 0, text: 'x', usedMs: 500_000, revision: 1 });
    expect((await api().getInterviewSession({ sessionId: session.id })).prompts[0]!.usedMs).toBe(120_000);
  });

  it('close ticks the points and proposes a score', async () => {
    open();
    const session = await close(await start(), 0, 'Canary Releases and P99 latency!');
    const prompt = session.prompts[0]!;
    expect(prompt.keyPoints.map((point) => point.matched)).toEqual([true, true, false, false]);
    expect(prompt.coverage).toBe(0.5);
    expect(prompt.proposedRating).toBe(2);
    expect(session.step).toEqual({ kind: 'review', position: 0 });
  });

  it('expired prompt keeps its answer', async () => {
    open();
    const session = await close(await start(), 0, 'cut off mid sentence', 'expired');
    expect(session.prompts[0]!.answer).toBe('cut off mid sentence');
    expect(session.prompts[0]!.closedBy).toBe('expired');
  });

  it('closing out of order is a conflict', async () => {
    open();
    const session = await start();
    await expect(close(session, 2, 'x')).rejects.toThrow(/Prompt 3 is not the one in progress \(prompt 1 is\)/);
  });

  it('review at the end runs every prompt first', async () => {
    open();
    let session = await start('rapid', 'end');
    session = await close(session, 0, 'a');
    expect(session.step).toEqual({ kind: 'answer', position: 1 });
    session = await close(session, 1, 'b');
    session = await close(session, 2, 'c');
    expect(session.step).toEqual({ kind: 'review', position: 0 });
  });

  it('score writes one interview review and moves due', async () => {
    open();
    const session = await close(await start(), 0, FULL_ANSWER);
    const cardId = session.prompts[0]!.cardId;
    const dueBefore = handle.app.context.repositories.states.get(cardId)!.due;
    await score(session, 0, 3);
    const rows = interviewLogRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.card_id).toBe(cardId);
    expect(rows[0]!.rating).toBe(3);
    expect(rows[0]!.duration_ms).toBe(30_000);
    expect(handle.app.context.repositories.states.get(cardId)!.due).toBeGreaterThan(dueBefore);
  });

  it.each([
    { rating: 1 as const, days: 1 },
    { rating: 2 as const, days: 1 },
    { rating: 3 as const, days: 2 },
    { rating: 4 as const, days: 8 },
  ])('new prompt rated $rating returns in days, not minutes', async ({ rating, days }) => {
    open();
    const session = await close(await start(), 0, FULL_ANSWER);
    const cardId = session.prompts[0]!.cardId;
    await score(session, 0, rating);
    const state = handle.app.context.repositories.states.get(cardId)!;
    expect(state.state).toBe(2);
    expect(state.due - handle.clock.now).toBeGreaterThanOrEqual(days * 86_400_000 * 0.8);
    expect(state.due - handle.clock.now).toBeLessThanOrEqual(days * 86_400_000 * 1.3);
  });

  it('flashcards keep their learning steps', async () => {
    open();
    await handle.app.handlers.answerCard({ deckId: null, cardId: 'basics-1', rating: 3, requestId: requestId(), durationMs: 1000 });
    const state = handle.app.context.repositories.states.get('basics-1')!;
    expect(state.state).toBe(1);
    expect(state.due - handle.clock.now).toBe(10 * 60_000);
  });

  it('same score request twice records once', async () => {
    open();
    const session = await close(await start(), 0, FULL_ANSWER);
    await score(session, 0, 4, 'same-score-request');
    await score(session, 0, 4, 'same-score-request');
    expect(interviewLogRows()).toHaveLength(1);
  });

  it('scoring twice with new ids is a conflict', async () => {
    open();
    const session = await close(await start(), 0, FULL_ANSWER);
    await score(session, 0, 4);
    await expect(score(session, 0, 1)).rejects.toThrow(/already scored/);
  });

  it('scoring an open prompt is a conflict', async () => {
    open();
    const session = await start();
    await expect(score(session, 0, 3)).rejects.toThrow(/still open/);
    expect(interviewLogRows()).toHaveLength(0);
  });

  it('covered point out of range is named', async () => {
    open();
    const session = await close(await start(), 0, FULL_ANSWER);
    const request = { sessionId: session.id, position: 0, coveredPoints: [7], rating: 3 as const, requestId: requestId() };
    await expect(async () => api().scoreInterviewPrompt(request)).rejects.toThrow(/Key point 7 does not exist: prompt 1 has 4 key points/);
    expect(interviewLogRows()).toHaveLength(0);
  });

  it('user can untick a matched point', async () => {
    open();
    const session = await close(await start(), 0, FULL_ANSWER);
    const scored = await api().scoreInterviewPrompt({ sessionId: session.id, position: 0, coveredPoints: [0, 1], rating: 2, requestId: requestId() });
    expect(scored.prompts[0]!.keyPoints.map((point) => point.covered)).toEqual([true, true, false, false]);
    expect(scored.prompts[0]!.coverage).toBe(0.5);
  });

  it('interview reviews stay out of the daily queue', async () => {
    open();
    const session = await close(await start(), 0, FULL_ANSWER);
    await score(session, 0, 1);
    const step = getStudyStep(handle.app.context, null);
    expect(step.card?.kind).toBe('basic');
    expect(step.reviewedToday).toBe(0);
  });

  it('last score finishes with a summary', async () => {
    open();
    const session = await runAll(await start());
    expect(session.status).toBe('finished');
    expect(session.step).toEqual({ kind: 'summary' });
    const summary = session.summary!;
    expect(summary.usedMs).toBe(90_000);
    expect(summary.limitMs).toBe(360_000);
    expect(summary.meanCoverage).toBeCloseTo((1 + 0.25 + 0.25) / 3);
    expect(summary.missedPoints).toHaveLength(6);
    expect(summary.weakestFamily?.family).toBe('deployment-and-serving');
  });

  it('points missed in earlier sessions rank first', async () => {
    open();
    const first = await runAll(await start());
    const missedBefore = first.summary!.missedPoints.filter((point) => point.timesMissed > 1);
    expect(missedBefore).toHaveLength(0);
    handle.clock.now += 86_400_000 * 30;
    const second = await runAll(await api().replayInterview({ sessionId: first.id }));
    const top = second.summary!.missedPoints[0]!;
    expect(top.timesMissed).toBe(2);
  });

  it('history lists sessions newest first', async () => {
    open();
    const first = await runAll(await start());
    handle.clock.now += 60_000;
    const second = await start('behavioural');
    const history = await api().listInterviewHistory({ limit: 10, offset: 0 });
    expect(history.sessions.map((entry) => entry.id)).toEqual([second.id, first.id]);
    expect(history.sessions[1]!.scored).toBe(3);
    expect(history.sessions[1]!.meanCoverage).toBeCloseTo(0.5);
    expect(history.sessions[0]!.status).toBe('active');
  });

  it('replay keeps prompts and order', async () => {
    open();
    const first = await runAll(await start());
    const replay = await api().replayInterview({ sessionId: first.id });
    expect(replay.prompts.map((prompt) => prompt.cardId)).toEqual(first.prompts.map((prompt) => prompt.cardId));
    expect(replay.replayOf).toBe(first.id);
    expect(replay.prompts.every((prompt) => prompt.status === 'pending')).toBe(true);
  });

  it('discard deletes an unfinished session', async () => {
    open();
    const session = await start();
    await api().discardInterview({ sessionId: session.id });
    await expect(async () => api().getInterviewSession({ sessionId: session.id })).rejects.toThrow(/was not found/);
    expect((await api().getInterviewSetup({})).unfinished).toBeNull();
  });

  it('finished session cannot be discarded', async () => {
    open();
    const session = await runAll(await start());
    await expect(async () => api().discardInterview({ sessionId: session.id })).rejects.toThrow(/stays in History/);
  });

  it('restart resumes with answer and time left', async () => {
    open();
    const session = await start();
    await api().saveInterviewAnswer({ sessionId: session.id, position: 0, text: 'before the crash', usedMs: 50_000, revision: 3 });
    handle.reopen();
    const setup = await api().getInterviewSetup({});
    expect(setup.unfinished?.id).toBe(session.id);
    const resumed = await api().getInterviewSession({ sessionId: session.id });
    expect(resumed.step).toEqual({ kind: 'answer', position: 0 });
    expect(resumed.prompts[0]!.answer).toBe('before the crash');
    expect(resumed.prompts[0]!.timeLimitMs - resumed.prompts[0]!.usedMs).toBe(70_000);
    expect(resumed.prompts[0]!.revision).toBe(3);
  });

  it('setup counts prompts per format', async () => {
    open();
    const setup = await api().getInterviewSetup({});
    const available = Object.fromEntries(setup.formats.map((format) => [format.id, format.available]));
    expect(available).toEqual({ rapid: 3, 'deep-dive': 2, 'system-design': 0, behavioural: 1, custom: 6 });
    expect(setup.topics.map((topic) => topic.deckId)).toEqual(['serving']);
  });
});
