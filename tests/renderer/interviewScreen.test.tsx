// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InterviewScreen } from '../../src/renderer/screens/interview/InterviewScreen.js';
import { useInterviewStore } from '../../src/renderer/stores/interview.js';
import { createInterviewApi, makePrompt, makeSession, makeSetup, reviewSession, type InterviewApi } from './interviewFixtures.js';
import { renderWithApi, resetRenderer } from './renderHelpers.js';

afterEach(() => {
  resetRenderer();
  useInterviewStore.getState().reset();
});

async function openSetup(setup = makeSetup()): Promise<InterviewApi> {
  const api = createInterviewApi();
  api.getInterviewSetup.mockResolvedValue(setup);
  renderWithApi(api, <InterviewScreen />);
  await screen.findByRole('heading', { name: 'Mock interview' });
  return api;
}

async function openReview(): Promise<InterviewApi> {
  const api = await openSetup(makeSetup({ unfinished: { ...historyEntry(), id: reviewSession().id } }));
  api.getInterviewSession.mockResolvedValue(reviewSession());
  fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
  await screen.findByTestId('review-coverage');
  return api;
}

function historyEntry() {
  return {
    id: 'x',
    format: 'rapid' as const,
    formatTitle: 'Rapid fire',
    status: 'active' as const,
    startedAt: Date.parse('2026-06-01T09:00:00Z'),
    finishedAt: null,
    prompts: 8,
    scored: 3,
    usedMs: 300_000,
    meanCoverage: 0.5,
  };
}

describe('interview screen', () => {
  it('lists the formats with availability', async () => {
    await openSetup();
    expect(screen.getByRole('radio', { name: /Rapid fire/ })).toHaveProperty('checked', true);
    expect(screen.getByText(/8 available/)).toBeTruthy();
    expect(screen.getByText(/2 interview prompts are due today/)).toBeTruthy();
  });

  it('starts a deep dive on the chosen topic', async () => {
    const api = await openSetup();
    api.startInterview.mockResolvedValue(makeSession([makePrompt(0)]));
    fireEvent.click(screen.getByRole('radio', { name: /Tool deep dive/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Topic' }), { target: { value: 'mlflow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start Tool deep dive' }));
    await screen.findByTestId('prompt-clock');
    expect(api.startInterview).toHaveBeenCalledWith({ format: 'deep-dive', reviewMode: 'each', topicDeckId: 'mlflow', custom: null });
  });

  it('starts a custom session with own time limits', async () => {
    const api = await openSetup();
    api.startInterview.mockResolvedValue(makeSession([makePrompt(0)]));
    fireEvent.click(screen.getByRole('radio', { name: /Custom/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /MLflow/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /own time limit/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Start Custom' }));
    await screen.findByTestId('prompt-clock');
    const [request] = api.startInterview.mock.calls[0]!;
    expect(request.custom).toEqual({ families: [], deckIds: ['mlflow'], count: 5, minutesEach: null });
  });

  it('unfinished session blocks a new start', async () => {
    await openSetup(makeSetup({ unfinished: historyEntry() }));
    expect(screen.getByRole('button', { name: 'Start Rapid fire' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/3 of 8 prompts/)).toBeTruthy();
  });

  it('discard needs a second click', async () => {
    const api = await openSetup(makeSetup({ unfinished: historyEntry() }));
    api.discardInterview.mockResolvedValue({ discarded: 'x' });
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(api.discardInterview).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Discard for good' }));
    await screen.findByRole('heading', { name: 'Mock interview' });
    expect(api.discardInterview).toHaveBeenCalledWith({ sessionId: 'x' });
  });

  it('review shows matched points ticked', async () => {
    await openReview();
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, true, false, false]);
    expect(screen.getByTestId('review-coverage').textContent).toBe('2 of 4 covered (50%)');
    expect(screen.getByRole('radio', { name: 'Hard' }).getAttribute('aria-checked')).toBe('true');
  });

  it('review correction moves the proposal', async () => {
    await openReview();
    fireEvent.click(screen.getAllByRole('checkbox')[2]!);
    expect(screen.getByTestId('review-coverage').textContent).toBe('3 of 4 covered (75%)');
    expect(screen.getByRole('button', { name: 'Confirm Good' })).toBeTruthy();
  });

  it('summary turns a missed point into a card', async () => {
    const api = await openSetup(makeSetup({ unfinished: historyEntry() }));
    const scored = makePrompt(0, { status: 'scored', rating: 2, coverage: 0.5, usedMs: 60_000 });
    const summary = {
      usedMs: 60_000,
      limitMs: 120_000,
      meanCoverage: 0.5,
      families: [{ family: 'deployment-and-serving' as const, prompts: 1, coverage: 0.5 }],
      weakestFamily: { family: 'deployment-and-serving' as const, prompts: 1, coverage: 0.5 },
      missedPoints: [
        { position: 0, pointIndex: 2, point: 'Feature store', prompt: 'Question 1?', family: 'deployment-and-serving' as const, timesMissed: 3, cardId: null },
      ],
    };
    const finished = makeSession([scored], { status: 'finished', step: { kind: 'summary' }, summary });
    api.getInterviewSession.mockResolvedValue(finished);
    api.createCardFromPoint.mockResolvedValue({ cardId: 'my-1', deckId: 'my-cards', created: true });
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await screen.findByRole('heading', { name: 'Rapid fire: summary' });
    expect(screen.getByTestId('summary-weakest').textContent).toBe('Deployment & model serving (50%)');
    expect(screen.getByText('Missed again')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Make a flashcard: Feature store' })[0]!);
    await screen.findByRole('heading', { name: 'Rapid fire: summary' });
    expect(api.createCardFromPoint).toHaveBeenCalledWith({ sessionId: finished.id, position: 0, pointIndex: 2 });
  });

  it('system design shows its phase', async () => {
    const api = await openSetup(makeSetup({ unfinished: historyEntry() }));
    const prompt = makePrompt(0, { status: 'answering', timeLimitMs: 35 * 60_000, usedMs: 6 * 60_000 });
    const phases = [
      { name: 'Requirements', minutes: 5 },
      { name: 'High-level design', minutes: 10 },
      { name: 'Deep dives', minutes: 15 },
      { name: 'Wrap-up', minutes: 5 },
    ];
    api.getInterviewSession.mockResolvedValue(makeSession([prompt], { format: 'system-design', formatTitle: 'System design', phases }));
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    const phase = await screen.findByRole('timer', { name: 'Phase: High-level design' });
    expect(phase.textContent).toContain('9:00');
    expect(screen.getByTestId('prompt-clock').textContent).toBe('29:00');
  });

  it('shortfall is stated on the first prompt', async () => {
    const api = await openSetup(makeSetup({ unfinished: historyEntry() }));
    api.getInterviewSession.mockResolvedValue(makeSession([makePrompt(0), makePrompt(1)], { requested: 8 }));
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText('Only 2 prompts matched this format, which asks for 8.')).toBeTruthy();
  });
});

function answerBox(): HTMLElement {
  return screen.getByLabelText('Your answer, as you would say it');
}

describe('interview answer box focus', () => {
  // The store marks the request busy until after the new prompt renders, so the box is disabled at first.
  it('takes focus when a session starts', async () => {
    const api = await openSetup();
    api.startInterview.mockResolvedValue(makeSession([makePrompt(0), makePrompt(1)]));
    fireEvent.click(screen.getByRole('button', { name: 'Start Rapid fire' }));
    await screen.findByTestId('prompt-clock');

    await waitFor(() => expect(document.activeElement).toBe(answerBox()));
    expect(answerBox()).toHaveProperty('disabled', false);
  });

  it('takes focus when the next prompt starts', async () => {
    const api = await openReview();
    const next = makeSession([reviewSession().prompts[0]!, makePrompt(1)], { step: { kind: 'answer', position: 1 } });
    api.scoreInterviewPrompt.mockResolvedValue(next);
    fireEvent.click(screen.getByRole('button', { name: /^Confirm / }));
    await screen.findByText(/Prompt 2 of 2/);

    await waitFor(() => expect(document.activeElement).toBe(answerBox()));
  });

  it('takes focus on resume from pause', async () => {
    const api = await openSetup(makeSetup({ unfinished: historyEntry() }));
    api.getInterviewSession.mockResolvedValue(makeSession([makePrompt(0, { status: 'answering', usedMs: 30_000 })]));
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await screen.findByText('Paused: both clocks are stopped.');
    expect(document.activeElement).not.toBe(answerBox());

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));

    await waitFor(() => expect(document.activeElement).toBe(answerBox()));
  });
});

describe('interview score keys', () => {
  it('digit scores from a focused key point', async () => {
    await openReview();
    const box = screen.getAllByRole('checkbox')[2]!;
    box.focus();

    fireEvent.keyDown(box, { key: '4' });

    expect(screen.getByRole('radio', { name: 'Easy' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('button', { name: 'Confirm Easy' })).toBeTruthy();
  });
});
