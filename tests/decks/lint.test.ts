import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  countCards,
  extractFencedBlocks,
  findDuplicateFronts,
  frontWordSet,
  jaccardSimilarity,
} from '../../src/core/decks/lint.js';
import type { DeckCard } from '../../src/core/decks/schema.js';

const source = { title: 'Docs', url: 'https://example.org/docs' };

function basicCard(id: string, front: string): DeckCard {
  return { id, kind: 'basic', family: 'system-design', style: null, tags: [], content: { kind: 'basic', front, back: 'Answer.', sources: [source] } };
}

function interviewCard(id: string, family: DeckCard['family'], style: NonNullable<DeckCard['style']>): DeckCard {
  return {
    id,
    kind: 'interview',
    family,
    style,
    tags: [],
    content: {
      kind: 'interview',
      prompt: 'Design it.',
      keyPoints: [],
      followUps: [],
      pitfalls: [],
      modelAnswer: 'Answer.',
      timeLimitSec: 300,
      sources: [source],
    },
  };
}

describe('extractFencedBlocks', () => {
  it('returns language and body of each block', () => {
    const markdown = 'Intro\n```python\nprint(1)\n```\ntext\n```yaml\na: 1\n```\n';
    expect(extractFencedBlocks(markdown)).toEqual([
      { language: 'python', code: 'print(1)\n' },
      { language: 'yaml', code: 'a: 1\n' },
    ]);
  });

  it('removes the indentation of a fence inside a list item', () => {
    const markdown = '- step\n  ```python\n  if True:\n      pass\n  ```\n';
    expect(extractFencedBlocks(markdown)).toEqual([{ language: 'python', code: 'if True:\n    pass\n' }]);
  });

  it('returns an empty language for an untagged fence', () => {
    expect(extractFencedBlocks('```\nplain\n```\n')).toEqual([{ language: '', code: 'plain\n' }]);
  });

  it('ignores text without fences', () => {
    expect(extractFencedBlocks('Use `inline` code only.')).toEqual([]);
  });
});

describe('near-duplicate fronts', () => {
  it('ignores case, punctuation and stop words', () => {
    expect(frontWordSet('What is the MLflow backend store?')).toEqual(new Set(['mlflow', 'backend', 'store']));
  });

  it('computes Jaccard similarity', () => {
    expect(jaccardSimilarity(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccardSimilarity(new Set(), new Set())).toBe(0);
  });

  it('flags exact duplicates after whitespace and case folding', () => {
    const [duplicate] = findDuplicateFronts([
      { fileName: 'a.yaml', cardId: 'a-1', front: 'What is  XCom?' },
      { fileName: 'b.yaml', cardId: 'b-1', front: 'what is xcom?' },
    ]);
    expect(duplicate?.exact).toBe(true);
  });

  it('flags reworded fronts above the threshold but not different questions', () => {
    const duplicates = findDuplicateFronts([
      { fileName: 'a.yaml', cardId: 'a-1', front: 'What does the MLflow backend store hold?' },
      { fileName: 'a.yaml', cardId: 'a-2', front: 'What does an MLflow backend store hold?' },
      { fileName: 'b.yaml', cardId: 'b-1', front: 'What does the MLflow artifact store hold?' },
    ]);
    expect(duplicates.map(({ first, second }) => [first.cardId, second.cardId])).toEqual([['a-1', 'a-2']]);
    expect(duplicates[0]?.exact).toBe(false);
  });
});

describe('countCards and checkTargets', () => {
  const cards = [
    basicCard('b-1', 'One?'),
    interviewCard('i-1', 'system-design', 'system-design'),
    interviewCard('i-2', 'behavioural', 'behavioural'),
  ];

  it('counts by kind, style and family', () => {
    const counts = countCards(cards);
    expect(counts.basic).toBe(1);
    expect(counts.interview).toBe(2);
    expect(counts.byStyle).toEqual({ 'system-design': 1, behavioural: 1 });
    expect(counts.byFamily).toEqual({ 'system-design': 2, behavioural: 1 });
    expect(counts.withoutSource).toEqual([]);
  });

  it('reports each target with its actual value', () => {
    const results = checkTargets(countCards(cards));
    expect(results.map(({ actual }) => actual)).toEqual([1, 1, 1, 1]);
    expect(results.every(({ met }) => !met)).toBe(true);
  });
});
