// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatsView } from '../../src/core/api/contract.js';
import { TodayTiles } from '../../src/renderer/screens/stats/TodayTiles.js';
import { resetRenderer } from './renderHelpers.js';

afterEach(resetRenderer);

/** Builds a statistics view with only the fields TodayTiles reads, leaving out the charts and tables. */
function statsView(): StatsView {
  const view: Pick<StatsView, 'today' | 'totals' | 'recentRetention' | 'desiredRetention'> = {
    today: { answers: 34, durationMs: 25 * 60_000, left: { new: 5, learning: 1, review: 3 }, streak: 4, longestStreak: 9 },
    totals: { answers: 1_200, durationMs: 36_000_000, studyDays: 40 },
    recentRetention: 0.912,
    desiredRetention: 0.9,
  };
  return view as StatsView;
}

function tileFor(testId: string): { term: string; definition: string } {
  const definition = screen.getByTestId(testId).closest('dd')!;
  const term = definition.previousElementSibling!;
  return { term: term.textContent ?? '', definition: definition.textContent ?? '' };
}

describe('today tiles', () => {
  it('answers tile names both sources', () => {
    render(<TodayTiles view={statsView()} />);

    const tile = tileFor('stats-today-answers');
    expect(tile.term).toBe('Answers today');
    expect(screen.getByTestId('stats-today-answers').textContent).toBe('34');
    expect(tile.definition).toContain('Daily review and mock interviews');
    expect(tile.definition).toContain('1200 in total');
  });
});
