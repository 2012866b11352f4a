import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewSessionView } from '../../src/core/api/interview.js';
import { getStudyStep } from '../../src/core/review/service.js';
import { interviewDeckYaml, promptSpecs } from '../helpers/interviewDecks.js';
import { openTempApp, type TempApp } from '../helpers/tempApp.js';

const START = Date.parse('2026-06-01T12:00:00Z');
let handle: TempApp;

afterEach(() => handle?.cleanup());

async function scoredSession(): Promise<InterviewSessionView> {
  handle = openTempApp({ decks: { 'serving.yaml': interviewDeckYaml('serving', promptSpecs('rapid', 1, 'rapid', 'monitoring-and-retraining')) }, start: START });
  const api = handle.app.handlers;
  let session = await api.startInterview({ format: 'rapid', seed: 1, topicDeckId: null, custom: null, reviewMode: 'each' });
  session = await api.closeInterviewPrompt({ sessionId: session.id, position: 0, text: 'a canary release', usedMs: 1000, revision: 1, reason: 'next' });
  return api.scoreInterviewPrompt({ sessionId: session.id, position: 0, coveredPoints: [0], rating: 2, requestId: 'score-request-1' });
}

describe('cards from missed points', () => {
  it('first card creates My cards', async () => {
    const session = await scoredSession();
    const made = await handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 2 });
    expect(made.created).toBe(true);
    expect(made.deckId).toBe('my-cards');
    const deck = handle.app.context.repositories.decks.get('my-cards')!;
    expect(deck.source).toBe('user');
    expect(deck.title).toBe('My cards');
  });

  it('card has the prompt family and cites it', async () => {
    const session = await scoredSession();
    const made = await handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 2 });
    const card = handle.app.context.repositories.cards.get(made.cardId)!;
    expect(card.kind).toBe('basic');
    expect(card.family).toBe('monitoring-and-retraining');
    expect(card.tags).toContain('prompt:rapid-1');
    const content = JSON.parse(card.content) as { back: string; sources: { url: string }[] };
    expect(content.back).toContain('Feature store keeps training and serving consistent');
    expect(content.back).toContain('How would you handle rapid-1?');
    expect(content.sources[0]!.url).toBe('https://example.org/serving/rapid-1');
  });

  it('card enters the daily review', async () => {
    const session = await scoredSession();
    const made = await handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 2 });
    expect(handle.app.context.repositories.states.get(made.cardId)!.state).toBe(0);
    expect(getStudyStep(handle.app.context, null).card?.id).toBe(made.cardId);
  });

  it('same point twice makes one card', async () => {
    const session = await scoredSession();
    const first = await handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 3 });
    const second = await handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 3 });
    expect(second).toEqual({ ...first, created: false });
    expect(handle.app.context.repositories.cards.listOfDeck('my-cards')).toHaveLength(1);
  });

  it('summary links the card made', async () => {
    const session = await scoredSession();
    const made = await handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 1 });
    const view = await handle.app.handlers.getInterviewSession({ sessionId: session.id });
    const missed = view.summary!.missedPoints.find((point) => point.pointIndex === 1)!;
    expect(missed.cardId).toBe(made.cardId);
  });

  it('point index out of range is named', async () => {
    const session = await scoredSession();
    await expect(async () => handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 9 })).rejects.toThrow(
      /Key point 9 does not exist/,
    );
  });

  it('bundled deck sync keeps user cards', async () => {
    const session = await scoredSession();
    const made = await handle.app.handlers.createCardFromPoint({ sessionId: session.id, position: 0, pointIndex: 2 });
    // Change the bundled file so the next start syncs it again.
    writeFileSync(join(handle.decksDir, 'serving.yaml'), interviewDeckYaml('serving', promptSpecs('rapid', 2, 'rapid')));
    handle.reopen();
    expect(handle.app.syncReport.updated).toEqual(['serving']);
    const card = handle.app.context.repositories.cards.get(made.cardId)!;
    expect(card.retiredAt).toBeNull();
    expect(card.deckId).toBe('my-cards');
    expect(handle.app.context.repositories.decks.get('my-cards')!.source).toBe('user');
  });
});
