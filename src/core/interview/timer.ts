/**
 * The countdowns of a mock interview as plain state driven by a clock the
 * caller passes in: no timers, no Date.now, so tests move time by hand and the
 * renderer ticks it from its own interval. Imports nothing, so the renderer
 * may use it.
 */

export interface TimerPrompt {
  limitMs: number;
  /** Time used so far, excluding the segment that is running now. */
  usedMs: number;
  closed: boolean;
}

export interface TimerState {
  prompts: TimerPrompt[];
  /** The prompt the clock belongs to; equals prompts.length once every prompt is closed. */
  index: number;
  /** The clock reading when the running segment started; null while paused. */
  runningSince: number | null;
}

export interface TimerView {
  index: number;
  running: boolean;
  promptUsedMs: number;
  promptLeftMs: number;
  sessionLeftMs: number;
  /** True once 20% or less of the prompt's time is left. */
  warning: boolean;
  finished: boolean;
}

export interface TickResult {
  state: TimerState;
  /** Indexes of prompts whose time ran out during this tick, in order. */
  expired: number[];
}

/** Share of a prompt's time left at which the countdown warns. */
export const WARNING_SHARE = 0.2;

/**
 * Builds a paused timer from stored prompts, for example after a restart: the
 * clock continues at the first prompt that is not closed, with its time left.
 */
export function restoreTimer(prompts: readonly TimerPrompt[]): TimerState {
  const copy = prompts.map((prompt) => ({ ...prompt, usedMs: Math.min(prompt.limitMs, Math.max(0, prompt.usedMs)) }));
  const open = copy.findIndex((prompt) => !prompt.closed);
  return { prompts: copy, index: open === -1 ? copy.length : open, runningSince: null };
}

/** Starts or resumes the clock of the current prompt; a finished or running timer is returned as it is. */
export function resumeTimer(state: TimerState, now: number): TimerState {
  if (state.runningSince !== null || state.index >= state.prompts.length) return state;
  return { ...state, runningSince: now };
}

/** Stops both countdowns, folding the running segment into the prompt's used time. */
export function pauseTimer(state: TimerState, now: number): TimerState {
  if (state.runningSince === null) return state;
  return { ...foldRunning(state, now), runningSince: null };
}

/** Time used by the current prompt at `now`, capped at its limit; never negative after a clock jump back. */
export function promptUsedMs(state: TimerState, now: number): number {
  const prompt = state.prompts[state.index];
  if (!prompt) return 0;
  const running = state.runningSince === null ? 0 : Math.max(0, now - state.runningSince);
  return Math.min(prompt.limitMs, prompt.usedMs + running);
}

/** Reads both countdowns at `now` without changing the state. */
export function readTimer(state: TimerState, now: number): TimerView {
  const current = state.prompts[state.index];
  const used = promptUsedMs(state, now);
  const promptLeftMs = current ? current.limitMs - used : 0;
  let sessionLeftMs = 0;
  state.prompts.forEach((prompt, index) => {
    if (prompt.closed) return;
    sessionLeftMs += prompt.limitMs - (index === state.index ? used : prompt.usedMs);
  });
  return {
    index: state.index,
    running: state.runningSince !== null,
    promptUsedMs: used,
    promptLeftMs,
    sessionLeftMs,
    warning: current !== undefined && promptLeftMs <= current.limitMs * WARNING_SHARE,
    finished: state.index >= state.prompts.length,
  };
}

/**
 * Advances the clock to `now`. Each prompt whose time ran out closes with its
 * full limit used. With `continueAfterExpiry` the next prompt starts at the
 * instant the previous one ran out, so a late tick loses no time. Without it
 * the clock stops at the next prompt.
 */
export function tickTimer(state: TimerState, now: number, continueAfterExpiry: boolean): TickResult {
  const expired: number[] = [];
  let current = state;
  while (current.runningSince !== null && current.index < current.prompts.length) {
    const prompt = current.prompts[current.index]!;
    const expiresAt = current.runningSince + (prompt.limitMs - prompt.usedMs);
    if (now < expiresAt) break;
    expired.push(current.index);
    current = closeAt(current, prompt.limitMs, continueAfterExpiry ? expiresAt : null);
  }
  return { state: current, expired };
}

/**
 * Closes the current prompt early (Next or Skip) with the time it used so
 * far, and moves to the next one, running or paused as `continueRunning` says.
 */
export function closeCurrentPrompt(state: TimerState, now: number, continueRunning: boolean): TimerState {
  if (state.index >= state.prompts.length) return state;
  return closeAt(state, promptUsedMs(state, now), continueRunning ? now : null);
}

function closeAt(state: TimerState, usedMs: number, nextStart: number | null): TimerState {
  const prompts = state.prompts.map((prompt, index) => (index === state.index ? { ...prompt, usedMs, closed: true } : prompt));
  const index = state.index + 1;
  const runningSince = index < prompts.length ? nextStart : null;
  return { prompts, index, runningSince };
}

function foldRunning(state: TimerState, now: number): TimerState {
  const used = promptUsedMs(state, now);
  const prompts = state.prompts.map((prompt, index) => (index === state.index ? { ...prompt, usedMs: used } : prompt));
  return { ...state, prompts, runningSince: now };
}

export interface PhaseView {
  index: number;
  name: string;
  /** Time left in this phase. */
  leftMs: number;
}

/** The phase that `usedMs` falls in; the last phase absorbs any time past the planned total. */
export function phaseAt(phases: readonly { name: string; minutes: number }[], usedMs: number): PhaseView | null {
  let end = 0;
  for (const [index, phase] of phases.entries()) {
    end += phase.minutes * 60_000;
    if (usedMs < end || index === phases.length - 1) {
      return { index, name: phase.name, leftMs: Math.max(0, end - usedMs) };
    }
  }
  return null;
}
