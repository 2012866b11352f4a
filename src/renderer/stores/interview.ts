import { create } from 'zustand';
import type {
  ApiRequest,
  HistoryEntryView,
  InterviewSessionView,
  InterviewSetupView,
} from '../../core/api/contract.js';
import { proposeRating } from '../../core/interview/score.js';
import { pauseTimer, promptUsedMs, restoreTimer, resumeTimer, tickTimer, type TimerState } from '../../core/interview/timer.js';
import { currentApi } from './api.js';
import { reportError } from './errors.js';
import { createSaver } from './interviewSaver.js';
import { newRequestId } from './requestId.js';

type Rating = 1 | 2 | 3 | 4;
export type InterviewPage = 'setup' | 'session' | 'history';
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';
export type StartRequest = ApiRequest<'startInterview'>;

/** Sessions per page of the history list. */
export const HISTORY_PAGE = 50;

/** While a prompt runs, the time used is saved at least this often, even without typing. */
export const HEARTBEAT_MS = 10_000;

/** The score being confirmed for one closed prompt. */
export interface ReviewDraft {
  position: number;
  covered: boolean[];
  rating: Rating;
  /** True once the user picked a rating, so correcting the ticks no longer changes it. */
  ratingChosen: boolean;
  requestId: string;
}

interface InterviewState {
  page: InterviewPage;
  setup: InterviewSetupView | null;
  session: InterviewSessionView | null;
  history: HistoryEntryView[] | null;
  /** True when the last history page was full, so older sessions may follow. */
  historyHasMore: boolean;
  timer: TimerState | null;
  /** The answer of the running prompt as typed. */
  draft: string;
  /** The revision of the latest save sent for the running prompt. */
  revision: number;
  saveStatus: SaveStatus;
  lastSaveAt: number;
  review: ReviewDraft | null;
  busy: boolean;

  loadSetup: () => Promise<void>;
  start: (request: StartRequest) => Promise<void>;
  openSession: (sessionId: string) => Promise<void>;
  replay: (sessionId: string) => Promise<void>;
  discard: (sessionId: string) => Promise<void>;
  loadHistory: () => Promise<void>;
  loadOlderHistory: () => Promise<void>;
  tick: (now: number) => Promise<void>;
  pause: (now: number) => Promise<void>;
  resume: (now: number) => void;
  type: (text: string) => void;
  flush: () => Promise<void>;
  closePrompt: (reason: 'next' | 'skip') => Promise<void>;
  togglePoint: (index: number) => void;
  chooseRating: (rating: Rating) => void;
  confirmScore: () => Promise<void>;
  makeCard: (position: number, pointIndex: number) => Promise<void>;
  reset: () => void;
}

const initial = {
  page: 'setup' as InterviewPage,
  setup: null,
  session: null,
  history: null,
  historyHasMore: false,
  timer: null,
  draft: '',
  revision: 0,
  saveStatus: 'idle' as SaveStatus,
  lastSaveAt: 0,
  review: null,
  busy: false,
};

/**
 * Derives the local state of a session view: the countdown rebuilt from the
 * stored time used (running only when `run`), the draft of the prompt to
 * answer, or the score draft of the prompt to review.
 */
function enterSession(session: InterviewSessionView, now: number, run: boolean): Partial<InterviewState> {
  const prompts = session.prompts.map((prompt) => ({
    limitMs: prompt.timeLimitMs,
    usedMs: prompt.usedMs,
    closed: prompt.status === 'closed' || prompt.status === 'scored',
  }));
  const timer = restoreTimer(prompts);
  const result: Partial<InterviewState> = { page: 'session', session, timer, review: null, draft: '', revision: 0, saveStatus: 'idle' };
  const step = session.step;
  if (step.kind === 'answer') {
    const prompt = session.prompts[step.position]!;
    result.draft = prompt.answer;
    result.revision = prompt.revision;
    result.lastSaveAt = now;
    if (run) result.timer = resumeTimer(timer, now);
  } else if (step.kind === 'review') {
    const prompt = session.prompts[step.position]!;
    const covered = prompt.keyPoints.map((point) => point.matched);
    result.review = {
      position: step.position,
      covered,
      rating: prompt.proposedRating ?? proposeRating(covered.filter(Boolean).length, covered.length),
      ratingChosen: false,
      requestId: newRequestId(),
    };
  }
  return result;
}

/** Stores the mock interview: setup, the running prompt with its countdowns and saves, scoring, summary and history. */
export const useInterviewStore = create<InterviewState>((set, get) => {
  async function sendSave(): Promise<void> {
    const { session, timer, draft } = get();
    if (!session || !timer || session.step.kind !== 'answer') return;
    const now = Date.now();
    const revision = get().revision + 1;
    set({ revision, saveStatus: 'saving', lastSaveAt: now });
    try {
      await currentApi().saveInterviewAnswer({
        sessionId: session.id,
        position: session.step.position,
        text: draft,
        usedMs: promptUsedMs(timer, now),
        revision,
      });
      if (get().revision === revision) set({ saveStatus: 'saved' });
    } catch (error) {
      set({ saveStatus: 'failed' });
      reportError(error);
    }
  }

  const saver = createSaver(sendSave);

  /** Runs one request at a time; a failure shows in the banner and leaves the state as it was. */
  async function run(work: () => Promise<void>): Promise<void> {
    if (get().busy) return;
    set({ busy: true });
    try {
      await work();
    } catch (error) {
      reportError(error);
    } finally {
      set({ busy: false });
    }
  }

  async function close(reason: 'next' | 'skip' | 'expired', now: number): Promise<void> {
    const { session, timer, draft } = get();
    if (!session || !timer || session.step.kind !== 'answer') return;
    const position = session.step.position;
    const usedMs = promptUsedMs(timer, now);
    saver.cancel();
    set({ timer: pauseTimer(timer, now) });
    await run(async () => {
      const revision = get().revision + 1;
      const view = await currentApi().closeInterviewPrompt({ sessionId: session.id, position, text: draft, usedMs, revision, reason });
      set(enterSession(view, Date.now(), view.reviewMode === 'end'));
    });
  }

  return {
    ...initial,

    loadSetup: async () => {
      await run(async () => {
        set({ setup: await currentApi().getInterviewSetup({}), page: 'setup' });
      });
    },

    start: async (request) => {
      await run(async () => {
        const view = await currentApi().startInterview(request);
        set(enterSession(view, Date.now(), true));
      });
    },

    openSession: async (sessionId) => {
      await run(async () => {
        const view = await currentApi().getInterviewSession({ sessionId });
        set(enterSession(view, Date.now(), false));
      });
    },

    replay: async (sessionId) => {
      await run(async () => {
        const view = await currentApi().replayInterview({ sessionId });
        set(enterSession(view, Date.now(), true));
      });
    },

    discard: async (sessionId) => {
      await run(async () => {
        await currentApi().discardInterview({ sessionId });
        set({ ...initial, setup: await currentApi().getInterviewSetup({}) });
      });
    },

    loadHistory: async () => {
      await run(async () => {
        const { sessions } = await currentApi().listInterviewHistory({ limit: HISTORY_PAGE, offset: 0 });
        set({ history: sessions, historyHasMore: sessions.length === HISTORY_PAGE, page: 'history' });
      });
    },

    loadOlderHistory: async () => {
      const loaded = get().history ?? [];
      await run(async () => {
        const { sessions } = await currentApi().listInterviewHistory({ limit: HISTORY_PAGE, offset: loaded.length });
        set({ history: [...loaded, ...sessions], historyHasMore: sessions.length === HISTORY_PAGE });
      });
    },

    tick: async (now) => {
      const { timer, session, busy, lastSaveAt } = get();
      if (!timer || !session || busy || session.step.kind !== 'answer' || timer.runningSince === null) return;
      const { expired } = tickTimer(timer, now, false);
      if (expired.length > 0) {
        await close('expired', now);
        return;
      }
      if (now - lastSaveAt >= HEARTBEAT_MS) {
        saver.schedule();
        await saver.flush();
      }
    },

    pause: async (now) => {
      const { timer } = get();
      if (!timer || timer.runningSince === null) return;
      set({ timer: pauseTimer(timer, now) });
      saver.schedule();
      await saver.flush();
    },

    resume: (now) => {
      const { timer, session } = get();
      if (!timer || session?.step.kind !== 'answer') return;
      set({ timer: resumeTimer(timer, now) });
    },

    type: (text) => {
      const { timer, session } = get();
      if (!timer || timer.runningSince === null || session?.step.kind !== 'answer') return;
      set({ draft: text });
      saver.schedule();
    },

    // Leaving the page saves the time used too, even with no new typing, so a reload costs no clock time.
    flush: () => {
      saver.schedule();
      return saver.flush();
    },

    closePrompt: (reason) => close(reason, Date.now()),

    togglePoint: (index) => {
      const { review } = get();
      if (!review) return;
      const covered = review.covered.map((value, position) => (position === index ? !value : value));
      const rating = review.ratingChosen ? review.rating : proposeRating(covered.filter(Boolean).length, covered.length);
      set({ review: { ...review, covered, rating } });
    },

    chooseRating: (rating) => {
      const { review } = get();
      if (review) set({ review: { ...review, rating, ratingChosen: true } });
    },

    confirmScore: async () => {
      const { review, session } = get();
      if (!review || !session) return;
      await run(async () => {
        const coveredPoints = review.covered.flatMap((covered, index) => (covered ? [index] : []));
        const view = await currentApi().scoreInterviewPrompt({
          sessionId: session.id,
          position: review.position,
          coveredPoints,
          rating: review.rating,
          requestId: review.requestId,
        });
        set(enterSession(view, Date.now(), true));
      });
    },

    makeCard: async (position, pointIndex) => {
      const { session } = get();
      if (!session) return;
      await run(async () => {
        await currentApi().createCardFromPoint({ sessionId: session.id, position, pointIndex });
        set({ session: await currentApi().getInterviewSession({ sessionId: session.id }) });
      });
    },

    reset: () => {
      saver.cancel();
      set(initial);
    },
  };
});
