// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/renderer/api/ApiError.js';
import { ReviewScreen } from '../../src/renderer/screens/review/ReviewScreen.js';
import { useReviewStore } from '../../src/renderer/stores/review.js';
import { createFakeApi, deferred, makeCard, makeStep, type FakeApi } from './fakeApi.js';
import { renderWithApi, resetRenderer } from './renderHelpers.js';

afterEach(resetRenderer);

async function openReview(api: FakeApi) {
  renderWithApi(api, <ReviewScreen />);
  await screen.findByTestId('card-front');
}

function press(key: string, init: KeyboardEventInit = {}) {
  fireEvent.keyDown(document.body, { key, ...init });
}

async function openAndReveal(api: FakeApi) {
  await openReview(api);
  press(' ');
  await screen.findByTestId('card-back');
}

describe('review screen', () => {
  it('shows the front, counts and deck', async () => {
    const api = createFakeApi();
    await openReview(api);

    expect(screen.getByTestId('card-front').textContent).toContain('Front of card-a');
    expect(screen.getByTestId('remaining-new').textContent).toBe('3');
    expect(screen.getByTestId('remaining-learning').textContent).toBe('1');
    expect(screen.getByTestId('remaining-review').textContent).toBe('2');
    expect(screen.getByText('MLflow')).toBeTruthy();
    expect(screen.queryByTestId('card-back')).toBeNull();
  });

  it('reveals the answer on Space', async () => {
    const api = createFakeApi();
    await openReview(api);

    press(' ');

    const back = await screen.findByTestId('card-back');
    expect(back.textContent).toContain('Back of card-a');
    expect(back.textContent).toContain('Applies to MLflow >= 2.9');
    expect(screen.getByRole('link', { name: 'MLflow docs' }).getAttribute('target')).toBe('_blank');
  });

  it('reveals the answer with the button', async () => {
    const api = createFakeApi();
    await openReview(api);

    fireEvent.click(screen.getByRole('button', { name: 'Show answer' }));

    expect(await screen.findByTestId('card-back')).toBeTruthy();
  });

  it('names rating buttons with label and interval', async () => {
    const api = createFakeApi();
    await openAndReveal(api);

    for (const name of ['Again 1m', 'Hard 10m', 'Good 1d', 'Easy 4d']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('ignores rating keys before the answer shows', async () => {
    const api = createFakeApi();
    await openReview(api);

    press('3');

    expect(api.answerCard).not.toHaveBeenCalled();
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['4', 4],
  ] as const)('key %s answers with rating %i', async (key, rating) => {
    const api = createFakeApi();
    await openAndReveal(api);

    press(key);

    await screen.findByText('Front of card-b');
    expect(api.answerCard).toHaveBeenCalledTimes(1);
    expect(api.answerCard.mock.calls[0]?.[0]).toMatchObject({ cardId: 'card-a', rating, deckId: null });
  });

  it('sends a valid request id and duration', async () => {
    const api = createFakeApi();
    await openAndReveal(api);

    press('3');

    await screen.findByText('Front of card-b');
    const request = api.answerCard.mock.calls[0]?.[0];
    expect(request?.requestId).toMatch(/^[A-Za-z0-9-]{8,100}$/);
    expect(request?.durationMs).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(request?.durationMs)).toBe(true);
  });

  it('sends one answer for a double key press', async () => {
    const api = createFakeApi();
    const pending = deferred<ReturnType<typeof makeStep>>();
    api.answerCard.mockReturnValueOnce(pending.promise);
    await openAndReveal(api);

    press('3');
    press('3');
    press('1');
    await act(async () => pending.resolve(makeStep(makeCard('card-b'))));

    await screen.findByText('Front of card-b');
    expect(api.answerCard).toHaveBeenCalledTimes(1);
  });

  it('sends one answer for a double click', async () => {
    const api = createFakeApi();
    const pending = deferred<ReturnType<typeof makeStep>>();
    api.answerCard.mockReturnValueOnce(pending.promise);
    await openAndReveal(api);

    const good = screen.getByRole('button', { name: /^Good/ });
    fireEvent.click(good);
    fireEvent.click(good);
    await act(async () => pending.resolve(makeStep(makeCard('card-b'))));

    await screen.findByText('Front of card-b');
    expect(api.answerCard).toHaveBeenCalledTimes(1);
  });

  it('ignores key repeat', async () => {
    const api = createFakeApi();
    await openAndReveal(api);

    press('3', { repeat: true });

    expect(api.answerCard).not.toHaveBeenCalled();
  });

  it('does not reveal the next card on a held Space', async () => {
    const api = createFakeApi();
    await openAndReveal(api);
    press('3');
    await screen.findByText('Front of card-b');

    press(' ', { repeat: true });

    expect(screen.queryByTestId('card-back')).toBeNull();
  });

  it.each([
    ['Ctrl+Z', { ctrlKey: true }],
    ['Cmd+Z', { metaKey: true }],
  ])('%s undoes and shows the returned card', async (_name, modifiers) => {
    const api = createFakeApi();
    api.getStudyStep.mockResolvedValueOnce(makeStep(makeCard('card-b'), { canUndo: true }));
    api.undoAnswer.mockResolvedValueOnce(makeStep(makeCard('card-a')));
    await openReview(api);

    press('z', modifiers);

    expect(await screen.findByText('Front of card-a')).toBeTruthy();
    expect(api.undoAnswer).toHaveBeenCalledWith({ deckId: null });
  });

  it('shows the undone card with its answer hidden', async () => {
    const api = createFakeApi();
    api.answerCard.mockResolvedValueOnce(makeStep(makeCard('card-b'), { canUndo: true }));
    await openAndReveal(api);
    press('3');
    await screen.findByText('Front of card-b');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Front of card-a')).toBeTruthy();
    expect(screen.queryByTestId('card-back')).toBeNull();
  });

  it('ignores shortcuts typed into an input', async () => {
    const api = createFakeApi();
    await openReview(api);
    const input = document.body.appendChild(document.createElement('input'));

    fireEvent.keyDown(input, { key: ' ' });
    expect(screen.queryByTestId('card-back')).toBeNull();

    act(() => useReviewStore.getState().reveal());
    fireEvent.keyDown(input, { key: '3' });
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(api.answerCard).not.toHaveBeenCalled();
    expect(api.undoAnswer).not.toHaveBeenCalled();
    input.remove();
  });

  it('keeps the buttons after a failed answer and retries with the same id', async () => {
    const api = createFakeApi();
    api.answerCard.mockRejectedValueOnce(new ApiError('unavailable', 'The Rehearse server cannot be reached.'));
    await openAndReveal(api);

    fireEvent.click(screen.getByRole('button', { name: /^Again/ }));

    expect((await screen.findByTestId('error-banner')).textContent).toContain('cannot be reached');
    const again = await screen.findByRole('button', { name: /^Again/ });
    await waitFor(() => expect(again.hasAttribute('disabled')).toBe(false));
    fireEvent.click(again);
    await screen.findByText('Front of card-b');

    const [first, second] = api.answerCard.mock.calls.map((call) => call[0]);
    expect(api.answerCard).toHaveBeenCalledTimes(2);
    expect(second?.requestId).toBe(first?.requestId);
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('focuses Show answer on a new card', async () => {
    const api = createFakeApi();
    await openAndReveal(api);
    press('3');
    await screen.findByText('Front of card-b');

    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show answer' }));
  });

  it('leaves Space on a focused button to the button', async () => {
    const api = createFakeApi();
    await openReview(api);

    fireEvent.keyDown(screen.getByRole('button', { name: 'Undo' }), { key: ' ' });

    expect(screen.queryByTestId('card-back')).toBeNull();
  });

  it('uses a new request id for the next card', async () => {
    const api = createFakeApi();
    await openAndReveal(api);
    press('3');
    await screen.findByText('Front of card-b');

    press(' ');
    press('3');

    await waitFor(() => expect(api.answerCard).toHaveBeenCalledTimes(2));
    const [first, second] = api.answerCard.mock.calls.map((call) => call[0]);
    expect(second?.requestId).not.toBe(first?.requestId);
  });

  it('shows the done screen with the next due time', async () => {
    const api = createFakeApi();
    const nextDueAt = Date.now() + 3 * 3_600_000;
    api.getStudyStep.mockResolvedValueOnce(makeStep(null, { nextDueAt, reviewedToday: 12 }));
    renderWithApi(api, <ReviewScreen />);

    const done = await screen.findByTestId('done-screen');
    expect(done.textContent).toContain('Done for today');
    expect(done.textContent).toContain('12 cards');
    expect(done.textContent).toContain('in 3 hours');
  });
});
