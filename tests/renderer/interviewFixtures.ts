import { vi } from 'vitest';
import type { AppApi, InterviewPromptView, InterviewSessionView, InterviewSetupView } from '../../src/core/api/contract.js';
import { createFakeApi } from './fakeApi.js';

const POINTS = ['Canary release', 'Latency percentiles', 'Feature store', 'Model registry'];

/** Builds a pending prompt of a session; overrides set its status and the fields that go with it. */
export function makePrompt(position: number, overrides: Partial<InterviewPromptView> = {}): InterviewPromptView {
  return {
    position,
    cardId: `prompt-${position}`,
    deckTitle: 'Serving',
    family: 'deployment-and-serving',
    prompt: `Question ${position + 1}?`,
    timeLimitMs: 120_000,
    usedMs: 0,
    answer: '',
    revision: 0,
    status: 'pending',
    closedBy: null,
    keyPoints: POINTS.map((point) => ({ point, phrases: [point.toLowerCase()], matched: false, covered: null, cardId: null })),
    followUps: ['What would you monitor?'],
    pitfalls: ['Only naming tools.'],
    modelAnswer: 'A **strong** answer.',
    sources: [],
    coverage: null,
    proposedRating: null,
    rating: null,
    ...overrides,
  };
}

export function makeSession(prompts: InterviewPromptView[], overrides: Partial<InterviewSessionView> = {}): InterviewSessionView {
  return {
    id: '6f1c2a34-8f43-4f6e-9a51-1c0a7c1f2b3d',
    format: 'rapid',
    formatTitle: 'Rapid fire',
    status: 'active',
    reviewMode: 'each',
    seed: 1,
    replayOf: null,
    startedAt: Date.parse('2026-06-01T09:00:00Z'),
    finishedAt: null,
    requested: 8,
    phases: [],
    prompts,
    step: { kind: 'answer', position: 0 },
    summary: null,
    ...overrides,
  };
}

/** Builds a session whose first prompt is closed with two of four points matched, waiting for its score. */
export function reviewSession(): InterviewSessionView {
  const closed = makePrompt(0, {
    status: 'closed',
    closedBy: 'next',
    answer: 'canary release and latency percentiles',
    usedMs: 40_000,
    coverage: 0.5,
    proposedRating: 2,
  });
  closed.keyPoints[0]!.matched = true;
  closed.keyPoints[1]!.matched = true;
  return makeSession([closed, makePrompt(1)], { step: { kind: 'review', position: 0 } });
}

export function makeSetup(overrides: Partial<InterviewSetupView> = {}): InterviewSetupView {
  const format = (id: InterviewSetupView['formats'][number]['id'], title: string, available: number) => ({
    id,
    title,
    description: `${title} description`,
    style: null,
    promptCount: 3,
    minutesEach: 2,
    oneTopic: id === 'deep-dive',
    phases: [],
    available,
  });
  return {
    formats: [format('rapid', 'Rapid fire', 8), format('deep-dive', 'Tool deep dive', 4), format('custom', 'Custom', 12)],
    topics: [{ deckId: 'mlflow', title: 'MLflow', family: 'data-and-experiments', prompts: 6, deepDives: 4, due: 1 }],
    families: [{ family: 'data-and-experiments', prompts: 6 }],
    unfinished: null,
    due: 2,
    ...overrides,
  };
}

function unset<M extends keyof AppApi>(method: M) {
  return vi.fn<AppApi[M]>().mockRejectedValue(new Error(`${method} is not faked in this test`));
}

/** Builds the shared fake API plus typed mocks of the interview methods, each rejecting until a test sets it. */
export function createInterviewApi() {
  return {
    ...createFakeApi(),
    getInterviewSetup: unset('getInterviewSetup'),
    startInterview: unset('startInterview'),
    replayInterview: unset('replayInterview'),
    getInterviewSession: unset('getInterviewSession'),
    saveInterviewAnswer: unset('saveInterviewAnswer'),
    closeInterviewPrompt: unset('closeInterviewPrompt'),
    scoreInterviewPrompt: unset('scoreInterviewPrompt'),
    discardInterview: unset('discardInterview'),
    listInterviewHistory: unset('listInterviewHistory'),
    createCardFromPoint: unset('createCardFromPoint'),
  };
}

export type InterviewApi = ReturnType<typeof createInterviewApi>;
