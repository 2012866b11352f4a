// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowseRow } from '../../src/core/api/contract.js';
import { BrowseScreen } from '../../src/renderer/screens/browse/BrowseScreen.js';
import { useBrowseStore } from '../../src/renderer/stores/browse.js';
import { useNavigation } from '../../src/renderer/stores/navigation.js';
import { createFakeApi, makeBrowseDetail, makeBrowsePage, makeBrowseRow, makeCard } from './fakeApi.js';
import { renderWithApi, resetRenderer } from './renderHelpers.js';

afterEach(() => {
  resetRenderer();
  useBrowseStore.getState().reset();
});

const NOW = Date.parse('2026-12-04T12:00:00Z');
const DAY = 86_400_000;

const ROWS: BrowseRow[] = [
  makeBrowseRow('card-a', { question: 'What is an alias?', state: 'review', due: NOW + 3 * DAY, reps: 4, lapses: 1, retrievability: 0.934 }),
  makeBrowseRow('card-b', { question: 'What is a run?', state: 'relearning', due: NOW - 2 * DAY, reps: 6, lapses: 2, retrievability: 0.61 }),
  makeBrowseRow('card-c', { question: 'Design a registry', kind: 'interview', style: 'deep-dive', family: 'system-design' }),
];

async function openBrowse(rows = ROWS, total = rows.length) {
  const api = createFakeApi();
  api.browseCards.mockResolvedValue(makeBrowsePage(rows, { now: NOW, total }));
  api.getBrowseCard.mockImplementation(async ({ cardId }) => makeBrowseDetail(rows.find((row) => row.id === cardId)!, { now: NOW }));
  renderWithApi(api, <BrowseScreen />);
  await screen.findAllByTestId('browse-row');
  return api;
}

function options(): HTMLElement[] {
  return within(screen.getByRole('listbox', { name: 'Cards' })).getAllByRole('option');
}

function selectedIndex(): number {
  return options().findIndex((option) => option.getAttribute('aria-selected') === 'true');
}

function press(key: string, target: Element = document.body) {
  fireEvent.keyDown(target, { key });
}

describe('browse list', () => {
  it('shows due, reps and recall', async () => {
    await openBrowse();
    const cells = (index: number) => within(options()[index]!);

    expect(cells(0).getByText('in 3 days')).toBeTruthy();
    expect(cells(1).getByText('overdue 2 days')).toBeTruthy();
    expect(cells(2).getByText('new')).toBeTruthy();
    expect(cells(0).getByText('4 / 1')).toBeTruthy();
    expect(cells(0).getByText('93%')).toBeTruthy();
  });

  it('shows family and style', async () => {
    await openBrowse();

    expect(within(options()[2]!).getByText('System design & architecture')).toBeTruthy();
    expect(within(options()[2]!).getByText('Prompt · deep-dive')).toBeTruthy();
  });

  it('selects the first card', async () => {
    await openBrowse();

    expect(selectedIndex()).toBe(0);
  });

  it('kind filter reloads page one', async () => {
    const api = await openBrowse();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Interview prompts' }));

    await waitFor(() => expect(api.browseCards).toHaveBeenLastCalledWith(expect.objectContaining({ kinds: ['interview'], page: 0 })));
  });

  it('state and family filters combine', async () => {
    const api = await openBrowse();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Suspended' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Monitoring & retraining' }));

    const expected = { states: ['suspended'], families: ['monitoring-and-retraining'] };
    await waitFor(() => expect(api.browseCards).toHaveBeenLastCalledWith(expect.objectContaining(expected)));
  });

  it('deck filter lists decks', async () => {
    const api = await openBrowse();
    await screen.findByRole('option', { name: 'MLflow (2)' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Deck' }), { target: { value: 'mlflow' } });

    await waitFor(() => expect(api.browseCards).toHaveBeenLastCalledWith(expect.objectContaining({ deckIds: ['mlflow'] })));
  });

  it('search waits for a pause', async () => {
    const api = await openBrowse();

    fireEvent.change(screen.getByRole('searchbox', { name: /Search/ }), { target: { value: '100%_x' } });

    await waitFor(() => expect(api.browseCards).toHaveBeenLastCalledWith(expect.objectContaining({ search: '100%_x' })));
    expect(api.browseCards).toHaveBeenCalledTimes(2);
  });

  it('next page asks for page two', async () => {
    const api = await openBrowse(ROWS, 120);

    expect(screen.getByTestId('browse-range').textContent).toBe('Cards 1–3 of 120');
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));

    await waitFor(() => expect(api.browseCards).toHaveBeenLastCalledWith(expect.objectContaining({ page: 1 })));
  });

  it('emptied last page steps back', async () => {
    const api = await openBrowse(ROWS, 120);
    api.browseCards.mockImplementation(async ({ page }) =>
      page === 2 ? makeBrowsePage([], { page: 2, total: 100, now: NOW }) : makeBrowsePage(ROWS, { page: page ?? 0, total: 100, now: NOW }),
    );

    await act(async () => useBrowseStore.getState().goToPage(2));

    expect(api.browseCards).toHaveBeenLastCalledWith(expect.objectContaining({ page: 1 }));
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
  });

  it('empty result says so', async () => {
    const api = createFakeApi();
    api.browseCards.mockResolvedValue(makeBrowsePage([]));
    renderWithApi(api, <BrowseScreen />);

    expect(await screen.findByText('No cards match.')).toBeTruthy();
  });
});

describe('browse keyboard', () => {
  it('j and k move the selection', async () => {
    await openBrowse();

    press('j');
    press('j');
    expect(selectedIndex()).toBe(2);
    press('j');
    expect(selectedIndex()).toBe(2);
    press('k');
    expect(selectedIndex()).toBe(1);
  });

  it('arrow keys move the selection', async () => {
    await openBrowse();

    press('ArrowDown');
    expect(selectedIndex()).toBe(1);
    press('ArrowUp');
    expect(selectedIndex()).toBe(0);
  });

  it('Enter opens the selected card', async () => {
    const api = await openBrowse();

    press('ArrowDown');
    press('Enter');

    const heading = await screen.findByRole('heading', { level: 2, name: 'What is a run?' });
    expect(api.getBrowseCard).toHaveBeenCalledWith({ cardId: 'card-b' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('slash focuses search', async () => {
    await openBrowse();

    press('/');

    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: /Search/ }));
  });

  it('s suspends the selected card', async () => {
    const api = await openBrowse();

    press('j');
    await act(async () => press('s'));

    expect(api.setCardsSuspended).toHaveBeenCalledWith({ cardIds: ['card-b'], suspended: true });
    await waitFor(() => expect(api.browseCards).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('browse-status').textContent).toBe('Suspended: What is a run?');
  });

  it('s unsuspends a suspended card', async () => {
    const api = await openBrowse([makeBrowseRow('card-s', { state: 'suspended', suspended: true })]);

    await act(async () => press('s'));

    expect(api.setCardsSuspended).toHaveBeenCalledWith({ cardIds: ['card-s'], suspended: false });
  });

  it('s in the search box types', async () => {
    const api = await openBrowse();

    press('s', screen.getByRole('searchbox', { name: /Search/ }));
    press('j', screen.getByRole('searchbox', { name: /Search/ }));

    expect(api.setCardsSuspended).not.toHaveBeenCalled();
    expect(selectedIndex()).toBe(0);
  });

  it('j works after ticking a filter', async () => {
    await openBrowse();

    press('j', screen.getByRole('checkbox', { name: 'Flashcards' }));

    expect(selectedIndex()).toBe(1);
  });
});

describe('browse detail', () => {
  it('click opens a flashcard', async () => {
    await openBrowse();

    fireEvent.click(options()[0]!);

    const detail = await screen.findByTestId('browse-detail');
    expect(within(detail).getByText('Back of card-a')).toBeTruthy();
    expect(within(detail).getByRole('link', { name: 'MLflow docs' }).getAttribute('href')).toBe('https://mlflow.org/docs/latest/');
    expect(within(detail).getByText('MLflow >= 2.9')).toBeTruthy();
  });

  it('interview prompt shows its rubric', async () => {
    const api = await openBrowse();
    const card = makeCard('card-c', {
      kind: 'interview',
      style: 'deep-dive',
      content: {
        kind: 'interview',
        prompt: 'Design a registry',
        keyPoints: [{ point: 'Aliases decouple serving', phrases: ['alias', 'champion'] }],
        followUps: ['How do you roll back?'],
        pitfalls: ['Using stages'],
        modelAnswer: 'Register every version.',
        timeLimitSec: 300,
        sources: [{ title: 'Registry docs', url: 'https://mlflow.org/docs/latest/model-registry' }],
      },
    });
    api.getBrowseCard.mockResolvedValue(makeBrowseDetail(ROWS[2]!, { card, now: NOW }));

    fireEvent.click(options()[2]!);
    const detail = await screen.findByTestId('browse-detail');

    for (const text of ['Aliases decouple serving', 'champion', 'How do you roll back?', 'Using stages', 'Register every version.', '5 min']) {
      expect(within(detail).getByText(text)).toBeTruthy();
    }
  });

  it('history lists each answer', async () => {
    const api = await openBrowse();
    const history = [
      { id: 2, reviewedAt: NOW - DAY, rating: 1 as const, source: 'interview' as const, intervalMs: 600_000 },
      { id: 1, reviewedAt: NOW - 5 * DAY, rating: 3 as const, source: 'review' as const, intervalMs: 4 * DAY },
    ];
    api.getBrowseCard.mockResolvedValue(makeBrowseDetail(ROWS[0]!, { history, now: NOW }));

    fireEvent.click(options()[0]!);
    const table = await screen.findByTestId('browse-history');

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual(['Again', 'Good']);
    expect(within(rows[0]!).getByText('Mock interview')).toBeTruthy();
    expect(within(rows[1]!).getByText('4 days')).toBeTruthy();
  });

  it('study this deck starts a review', async () => {
    const api = await openBrowse();
    fireEvent.click(options()[0]!);

    fireEvent.click(await screen.findByRole('button', { name: /Study this deck/ }));

    expect(useNavigation.getState().screen).toBe('review');
    expect(api.getStudyStep).toHaveBeenCalledWith({ deckId: 'mlflow' });
  });

  it('missing card shows the error', async () => {
    const api = await openBrowse();
    api.getBrowseCard.mockRejectedValue(new Error('Card "card-a" was not found'));

    fireEvent.click(options()[0]!);

    expect((await screen.findByRole('alert')).textContent).toContain('Card "card-a" was not found');
  });

  it('passes axe with a card open', async () => {
    await openBrowse();
    fireEvent.click(options()[0]!);
    await screen.findByTestId('browse-detail');

    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => violation.id)).toEqual([]);
  });
});
