// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App.js';
import { useApiStore } from '../../src/renderer/stores/api.js';
import { createFakeApi, makeHome } from './fakeApi.js';
import { resetRenderer } from './renderHelpers.js';

afterEach(resetRenderer);

/** Lazy screens load their chunk on first use, which takes seconds on a busy test machine. */
const LAZY_LOAD = { timeout: 10_000 };

function openApp() {
  const api = createFakeApi();
  api.getHome.mockResolvedValue(
    makeHome({
      decks: [
        {
          id: 'mlflow',
          title: 'MLflow',
          description: 'Tracking and registry',
          family: 'data-and-experiments',
          source: 'bundled',
          counts: { new: 2, learning: 0, review: 1 },
          total: 30,
          interviewPrompts: 3,
        },
      ],
      totals: { new: 2, learning: 0, review: 1 },
    }),
  );
  useApiStore.setState({ api });
  render(<App />);
  return api;
}

/** Lists serious and critical axe violations. Contrast needs a real layout engine, so jsdom skips it. */
async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
}

describe('app', () => {
  it('marks the current screen in the navigation', async () => {
    openApp();
    await screen.findByTestId('home-deck-mlflow');

    fireEvent.click(screen.getByRole('button', { name: 'Statistics' }));

    expect(await screen.findByText(/your statistics/, {}, LAZY_LOAD)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Statistics' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
  });

  it.each([
    ['Home', 'home-deck-mlflow'],
    ['Review', 'card-front'],
    ['Settings', 'settings-form'],
  ])('%s passes axe', async (name, testId) => {
    openApp();
    fireEvent.click(screen.getByRole('button', { name }));
    await screen.findByTestId(testId, {}, LAZY_LOAD);

    expect(await seriousViolations()).toEqual([]);
  });

  it('review with answer passes axe', async () => {
    openApp();
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show answer' }, LAZY_LOAD));
    await screen.findByTestId('card-back');

    expect(await seriousViolations()).toEqual([]);
  });
});
