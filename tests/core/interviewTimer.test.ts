import { describe, expect, it } from 'vitest';
import {
  closeCurrentPrompt,
  pauseTimer,
  phaseAt,
  readTimer,
  restoreTimer,
  resumeTimer,
  tickTimer,
  type TimerState,
} from '../../src/core/interview/timer.js';
import { SYSTEM_DESIGN_PHASES } from '../../src/core/interview/formats.js';

const MINUTE = 60_000;

function twoMinutePrompts(count: number): TimerState {
  return restoreTimer(Array.from({ length: count }, () => ({ limitMs: 2 * MINUTE, usedMs: 0, closed: false })));
}

describe('interview timer', () => {
  it('counts both clocks down while running', () => {
    const state = resumeTimer(twoMinutePrompts(3), 1000);
    const view = readTimer(state, 1000 + 30_000);
    expect(view.promptLeftMs).toBe(90_000);
    expect(view.sessionLeftMs).toBe(6 * MINUTE - 30_000);
    expect(view.running).toBe(true);
  });

  it('warns at 20% of the prompt left', () => {
    const state = resumeTimer(twoMinutePrompts(1), 0);
    expect(readTimer(state, 95_999).warning).toBe(false);
    expect(readTimer(state, 96_000).warning).toBe(true);
  });

  it('expiry moves on and keeps going', () => {
    const state = resumeTimer(twoMinutePrompts(3), 0);
    const { state: after, expired } = tickTimer(state, 2 * MINUTE + 5000, true);
    expect(expired).toEqual([0]);
    expect(after.index).toBe(1);
    expect(after.prompts[0]).toEqual({ limitMs: 2 * MINUTE, usedMs: 2 * MINUTE, closed: true });
    // The next prompt started when the first ran out, so the late tick lost no time.
    expect(readTimer(after, 2 * MINUTE + 5000).promptUsedMs).toBe(5000);
  });

  it('expiry stops at the next prompt when asked', () => {
    const state = resumeTimer(twoMinutePrompts(2), 0);
    const { state: after } = tickTimer(state, 3 * MINUTE, false);
    expect(after.index).toBe(1);
    expect(after.runningSince).toBeNull();
    expect(readTimer(after, 10 * MINUTE).promptLeftMs).toBe(2 * MINUTE);
  });

  it('a long gap expires several prompts in order', () => {
    const state = resumeTimer(twoMinutePrompts(3), 0);
    const { state: after, expired } = tickTimer(state, 7 * MINUTE, true);
    expect(expired).toEqual([0, 1, 2]);
    expect(readTimer(after, 7 * MINUTE).finished).toBe(true);
  });

  it('pause stops both clocks', () => {
    let state = resumeTimer(twoMinutePrompts(2), 0);
    state = pauseTimer(state, 20_000);
    const atPause = readTimer(state, 20_000);
    const later = readTimer(state, 20_000 + 10 * MINUTE);
    expect(later.promptLeftMs).toBe(atPause.promptLeftMs);
    expect(later.sessionLeftMs).toBe(atPause.sessionLeftMs);
    expect(tickTimer(state, 10 * MINUTE, true).expired).toEqual([]);
  });

  it('resume continues from the paused time', () => {
    let state = resumeTimer(twoMinutePrompts(1), 0);
    state = pauseTimer(state, 30_000);
    state = resumeTimer(state, 5 * MINUTE);
    expect(readTimer(state, 5 * MINUTE + 10_000).promptUsedMs).toBe(40_000);
  });

  it('Next closes early with the time used', () => {
    const state = resumeTimer(twoMinutePrompts(2), 0);
    const after = closeCurrentPrompt(state, 45_000, true);
    expect(after.prompts[0]!.usedMs).toBe(45_000);
    expect(after.index).toBe(1);
    expect(readTimer(after, 45_000).sessionLeftMs).toBe(2 * MINUTE);
  });

  it('restart resumes with the time left', () => {
    const stored = [
      { limitMs: 2 * MINUTE, usedMs: 2 * MINUTE, closed: true },
      { limitMs: 2 * MINUTE, usedMs: 50_000, closed: false },
      { limitMs: 2 * MINUTE, usedMs: 0, closed: false },
    ];
    const state = restoreTimer(stored);
    expect(state.index).toBe(1);
    expect(state.runningSince).toBeNull();
    const view = readTimer(resumeTimer(state, 1_000_000), 1_000_000);
    expect(view.promptLeftMs).toBe(70_000);
    expect(view.sessionLeftMs).toBe(70_000 + 2 * MINUTE);
  });

  it('clock moving back never adds time', () => {
    const state = resumeTimer(twoMinutePrompts(1), 100_000);
    expect(readTimer(state, 50_000).promptLeftMs).toBe(2 * MINUTE);
  });
});

describe('system design phases', () => {
  it.each<[number, string, number]>([
    [0, 'Requirements', 5 * MINUTE],
    [4 * MINUTE, 'Requirements', MINUTE],
    [5 * MINUTE, 'High-level design', 10 * MINUTE],
    [20 * MINUTE, 'Deep dives', 10 * MINUTE],
    [31 * MINUTE, 'Wrap-up', 4 * MINUTE],
    [40 * MINUTE, 'Wrap-up', 0],
  ])('at %i ms the phase is %s', (usedMs, name, leftMs) => {
    const phase = phaseAt(SYSTEM_DESIGN_PHASES, usedMs)!;
    expect(phase.name).toBe(name);
    expect(phase.leftMs).toBe(leftMs);
  });

  it('no phases gives none', () => {
    expect(phaseAt([], 1000)).toBeNull();
  });
});
