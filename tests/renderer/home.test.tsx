// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeckSummary } from '../../src/core/api/views.js';
import { HomeScreen } from '../../src/renderer/screens/home/HomeScreen.js';
import { useNavigation } from '../../src/renderer/stores/navigation.js';
import { createFakeApi, makeHome } from './fakeApi.js';
import { renderWithApi, resetRenderer } from './renderHelpers.js';

afterEach(resetRenderer);

function deck(id: string, family: DeckSummary['family'], counts: DeckSummary['counts']): DeckSummary {
  return { id, title: `Deck ${id}`, description: `About ${id}`, family, source: 'bundled', counts, total: 40, interviewPrompts: 5 };
}

const DECKS = [
  deck('mlflow', 'data-and-experiments', { new: 5, learning: 2, review: 7 }),
  deck('seldon', 'deployment-and-serving', { new: 0, learning: 0, review: 3 }),
  deck('dvc', 'data-and-experiments', { new: 1, learning: 0, review: 0 }),
];

async function openHome(home = makeHome({ decks: DECKS, totals: { new: 6, learning: 2, review: 10 }, reviewedToday: 4 })) {
  const api = createFakeApi();
  api.getHome.mockResolvedValue(home);
  renderWithApi(api, <HomeScreen />);
  await screen.findByTestId('home-total-new');
  return api;
}

describe('home screen', () => {
  it('shows the totals and reviews of today', async () => {
    await openHome();

    expect(screen.getByTestId('home-total-new').textContent).toBe('6');
    expect(screen.getByTestId('home-total-learning').textContent).toBe('2');
    expect(screen.getByTestId('home-total-review').textContent).toBe('10');
    expect(screen.getByTestId('reviewed-today').textContent).toBe('4');
  });

  // Statistics counts mock interview answers too, so Home names the daily review.
  it('labels the count as daily review', async () => {
    await openHome();

    expect(screen.getByTestId('reviewed-today').parentElement?.textContent).toBe('Daily review answers today: 4');
  });

  it('groups decks under family titles', async () => {
    await openHome();

    const data = screen.getByRole('region', { name: 'Data versioning & experiment tracking' });
    const serving = screen.getByRole('region', { name: 'Deployment & model serving' });
    expect(within(data).getAllByRole('row')).toHaveLength(3);
    expect(within(serving).getByTestId('home-deck-seldon')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Behavioural' })).toBeNull();
  });

  it('shows the counts of a deck', async () => {
    await openHome();

    const cells = within(screen.getByTestId('home-deck-mlflow')).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['5', '2', '7', '40', '5', 'Study Deck mlflow']);
  });

  it('starts a review of one deck', async () => {
    const api = await openHome();

    fireEvent.click(within(screen.getByTestId('home-deck-seldon')).getByRole('button', { name: /^Study/ }));

    expect(useNavigation.getState().screen).toBe('review');
    expect(api.getStudyStep).toHaveBeenCalledWith({ deckId: 'seldon' });
  });

  it('starts a review of all decks', async () => {
    const api = await openHome();

    fireEvent.click(screen.getByRole('button', { name: 'Study now' }));

    expect(api.getStudyStep).toHaveBeenCalledWith({ deckId: null });
  });

  it('shows when the next card is due', async () => {
    const nextDueAt = Date.now() + 2 * 86_400_000;
    await openHome(makeHome({ decks: DECKS, nextDueAt }));

    expect(screen.getByText(/The next card is due in 2 days/)).toBeTruthy();
  });

  it('shows the error banner when loading fails', async () => {
    const api = createFakeApi();
    api.getHome.mockRejectedValue(new Error('boom'));
    renderWithApi(api, <HomeScreen />);

    expect((await screen.findByRole('alert')).textContent).toContain('boom');
  });
});
