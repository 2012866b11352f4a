import { describe, expect, it } from 'vitest';
import { matchKeyPoints, proposeRating, stem, words } from '../../src/core/interview/rubric.js';
import { SERVING_POINTS } from '../helpers/interviewDecks.js';

describe('rubric words', () => {
  it('drops case, accents and punctuation', () => {
    expect(words('Canary-Release, p99 LATENCY! Café')).toEqual(['canary', 'release', 'p99', 'latency', 'cafe']);
  });

  it.each([
    ['models', 'model'],
    ['policies', 'policy'],
    ['retried', 'retry'],
    ['patches', 'patch'],
    ['processes', 'process'],
    ['serving', 'serv'],
    ['served', 'serv'],
    ['serve', 'serv'],
    ['running', 'run'],
    ['rolled', 'roll'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['feed', 'feed'],
    ['thing', 'thing'],
  ])('stem of %s is %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

function ticked(answer: string, points = SERVING_POINTS): number[] {
  return matchKeyPoints(answer, points).flatMap((match, index) => (match.covered ? [index] : []));
}

describe('rubric matching', () => {
  it.each<[string, string, number[]]>([
    ['empty answer', '', []],
    ['whitespace only', '   \n ', []],
    ['exact phrase', 'I would do a canary release first.', [0]],
    ['synonym phrase', 'Start with a gradual rollout of the new model.', [0]],
    ['other case and punctuation', 'CANARY... release; then watch P99-latency.', [0, 1]],
    ['plurals and endings', 'Canary releases, feature stores and versioned models.', [0, 2, 3]],
    ['hyphen written as space', 'This avoids training serving skew.', [2]],
    ['words out of order', 'release a canary', []],
    ['words split by other words', 'feature flags and a store', []],
    ['all four points', 'Gradual rollout, latency percentiles, a feature store and a model registry.', [0, 1, 2, 3]],
  ])('%s', (_name, answer, expected) => {
    expect(ticked(answer)).toEqual(expected);
  });

  it('reports the phrase that matched', () => {
    const [first] = matchKeyPoints('We used a gradual rollout.', SERVING_POINTS);
    expect(first!.phrase).toBe('gradual rollout');
  });

  it('matches a phrase that ends the answer', () => {
    expect(ticked('Everything goes into the model registry')).toEqual([3]);
  });
});

describe('proposed score', () => {
  it.each<[number, number, number]>([
    [0, 4, 1],
    [1, 4, 1],
    [3, 8, 1],
    [2, 5, 2],
    [2, 4, 2],
    [6, 10, 2],
    [7, 10, 3],
    [3, 4, 3],
    [8, 9, 3],
    [9, 10, 4],
    [4, 4, 4],
    [0, 0, 1],
  ])('%i of %i covered proposes %i', (covered, total, rating) => {
    expect(proposeRating(covered, total)).toBe(rating);
  });
});
