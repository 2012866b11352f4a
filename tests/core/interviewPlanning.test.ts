import { describe, expect, it } from 'vitest';
import type { Family, InterviewStyle } from '../../src/core/decks/schema.js';
import { planSession, type PlanRequest, type PromptCandidate } from '../../src/core/interview/planning.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const DAY = 86_400_000;

function candidate(cardId: string, overrides: Partial<PromptCandidate> = {}): PromptCandidate {
  return {
    cardId,
    deckId: 'serving',
    family: 'deployment-and-serving',
    style: 'rapid',
    timeLimitSec: 90,
    state: 0,
    due: NOW,
    retrievability: 0,
    ...overrides,
  };
}

function many(prefix: string, count: number, style: InterviewStyle, family: Family, deckId = prefix): PromptCandidate[] {
  return Array.from({ length: count }, (_, index) => candidate(`${prefix}-${index + 1}`, { style, family, deckId }));
}

function plan(candidates: PromptCandidate[], overrides: Partial<PlanRequest> = {}) {
  return planSession(candidates, { format: 'rapid', topicDeckId: null, custom: null, seed: 7, dueCutoff: NOW, ...overrides });
}

const pool: PromptCandidate[] = [
  ...many('serve', 6, 'rapid', 'deployment-and-serving'),
  ...many('monitor', 6, 'rapid', 'monitoring-and-retraining'),
  ...many('data', 3, 'rapid', 'data-and-experiments'),
  ...many('mlflow', 5, 'deep-dive', 'data-and-experiments'),
  ...many('airflow', 2, 'deep-dive', 'system-design'),
  ...many('design', 2, 'system-design', 'system-design'),
  ...many('story', 4, 'behavioural', 'behavioural'),
];

describe('session planning', () => {
  it.each<[PlanRequest['format'], number, InterviewStyle, number]>([
    ['rapid', 8, 'rapid', 120_000],
    ['deep-dive', 4, 'deep-dive', 300_000],
    ['system-design', 1, 'system-design', 2_100_000],
    ['behavioural', 3, 'behavioural', 240_000],
  ])('%s picks %i prompts of its style', (format, count, style, limitMs) => {
    const result = plan(pool, { format });
    expect(result.prompts).toHaveLength(count);
    const styles = new Set(result.prompts.map((prompt) => pool.find((entry) => entry.cardId === prompt.cardId)!.style));
    expect([...styles]).toEqual([style]);
    expect(result.prompts.every((prompt) => prompt.timeLimitMs === limitMs)).toBe(true);
  });

  it('same seed gives the same plan', () => {
    expect(plan(pool, { seed: 42 })).toEqual(plan([...pool].reverse(), { seed: 42 }));
  });

  it('another seed changes the new prompts chosen', () => {
    const seeds = [1, 2, 3, 4, 5].map((seed) => plan(pool, { seed }).prompts.map((prompt) => prompt.cardId).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('due prompts come first, least retained first', () => {
    const candidates = [
      ...many('fresh', 10, 'rapid', 'deployment-and-serving'),
      candidate('due-strong', { state: 2, due: NOW - DAY, retrievability: 0.85 }),
      candidate('due-weak', { state: 2, due: NOW - DAY, retrievability: 0.4 }),
      candidate('later', { state: 2, due: NOW + 5 * DAY, retrievability: 0.1 }),
    ];
    const chosen = plan(candidates).prompts.map((prompt) => prompt.cardId);
    expect(chosen.slice(0, 2).sort()).toEqual(['due-strong', 'due-weak']);
    expect(chosen).not.toContain('later');
  });

  it('not-due prompts fill in after new ones', () => {
    const candidates = [...many('fresh', 2, 'rapid', 'behavioural'), candidate('later', { state: 2, due: NOW + DAY, retrievability: 0.9 })];
    expect(plan(candidates).prompts.map((prompt) => prompt.cardId)).toContain('later');
  });

  it('new prompts mix the families', () => {
    const chosen = plan(pool).prompts.map((prompt) => pool.find((entry) => entry.cardId === prompt.cardId)!.family);
    expect(new Set(chosen).size).toBe(3);
    chosen.slice(1).forEach((family, index) => expect(family).not.toBe(chosen[index]));
  });

  it('fewer prompts than asked gives all there are', () => {
    const result = plan(many('only', 3, 'rapid', 'behavioural'));
    expect(result.prompts).toHaveLength(3);
    expect(result.requested).toBe(8);
  });

  it('no matching prompt gives an empty plan', () => {
    expect(plan(many('story', 3, 'behavioural', 'behavioural')).prompts).toEqual([]);
  });

  it('deep dive stays on the neediest topic', () => {
    const result = plan(pool, { format: 'deep-dive' });
    expect(result.topicDeckId).toBe('mlflow');
    expect(result.prompts.every((prompt) => prompt.cardId.startsWith('mlflow-'))).toBe(true);
  });

  it('deep dive on a chosen topic', () => {
    const result = plan(pool, { format: 'deep-dive', topicDeckId: 'airflow' });
    expect(result.prompts.map((prompt) => prompt.cardId).sort()).toEqual(['airflow-1', 'airflow-2']);
    expect(result.requested).toBe(4);
  });

  it('deep dive prefers a topic with due prompts', () => {
    const candidates = pool.map((entry) => (entry.cardId === 'airflow-1' ? { ...entry, state: 2, due: NOW - DAY, retrievability: 0.5 } : entry));
    expect(plan(candidates, { format: 'deep-dive' }).topicDeckId).toBe('airflow');
  });

  it.each<[string, PlanRequest['custom'], number, (entry: PromptCandidate) => boolean]>([
    ['families', { families: ['behavioural'], deckIds: [], count: 10, minutesEach: 3 }, 4, (entry) => entry.family === 'behavioural'],
    ['decks', { families: [], deckIds: ['serve', 'data'], count: 5, minutesEach: 3 }, 5, (entry) => ['serve', 'data'].includes(entry.deckId)],
    ['both', { families: ['system-design'], deckIds: ['design'], count: 5, minutesEach: 3 }, 2, (entry) => entry.deckId === 'design'],
    ['everything', { families: [], deckIds: [], count: 20, minutesEach: 3 }, 20, () => true],
  ])('custom by %s', (_name, custom, count, allowed) => {
    const result = plan(pool, { format: 'custom', custom });
    expect(result.prompts).toHaveLength(count);
    expect(result.prompts.every((prompt) => allowed(pool.find((entry) => entry.cardId === prompt.cardId)!))).toBe(true);
  });

  it('custom without minutes uses each prompt limit', () => {
    const candidates = [candidate('short', { timeLimitSec: 60 }), candidate('long', { timeLimitSec: 600, family: 'behavioural' })];
    const result = plan(candidates, { format: 'custom', custom: { families: [], deckIds: [], count: 2, minutesEach: null } });
    const limits = Object.fromEntries(result.prompts.map((prompt) => [prompt.cardId, prompt.timeLimitMs]));
    expect(limits).toEqual({ short: 60_000, long: 600_000 });
  });

  it('custom without options is rejected', () => {
    expect(() => plan(pool, { format: 'custom', custom: null })).toThrow(/Custom interview needs its options/);
  });
});
