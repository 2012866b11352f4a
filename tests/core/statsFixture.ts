import { currentMoment } from '../../src/core/context.js';
import { recordAnswer } from '../../src/core/review/service.js';
import type { ReviewSource } from '../../src/db/repositories/types.js';
import type { TempApp } from '../helpers/tempApp.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let counter = 0;

/** Records one answer at instant `at` through the real scheduler, as the review screen would. */
export function answerAt(handle: TempApp, at: number, cardId: string, rating: 1 | 2 | 3 | 4, durationMs = 5000, source: ReviewSource = 'review'): void {
  handle.clock.now = at;
  counter += 1;
  const context = handle.app.context;
  recordAnswer(context, currentMoment(context), { cardId, rating, requestId: `stats-fixture-${counter}`, durationMs, source });
}

/** The study day (days since 1970-01-01) of a UTC date at midday, for readable expectations. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/**
 * Stores a finished mock interview directly, with each answer's key points,
 * covered points and rating, so trend statistics have known inputs.
 */
export function insertInterview(
  handle: TempApp,
  sessionId: string,
  finishedAt: number,
  answers: { cardId: string; keyPoints: number; covered: number; rating: 1 | 2 | 3 | 4 }[],
): void {
  const db = handle.app.db;
  db.prepare(
    `INSERT INTO interview_sessions (id, format, seed, review_mode, requested, status, started_at, finished_at)
     VALUES (?, 'rapid', 1, 'each', ?, 'finished', ?, ?)`,
  ).run(sessionId, answers.length, finishedAt - 600_000, finishedAt);
  answers.forEach((answer, position) => {
    const keyPoints = Array.from({ length: answer.keyPoints }, (_, index) => ({ point: `Point ${index}`, phrases: [`phrase ${index}`] }));
    const covered = Array.from({ length: answer.covered }, (_, index) => index);
    db.prepare(
      `INSERT INTO interview_answers (session_id, position, card_id, prompt, key_points, time_limit_ms, status, covered_points, rating)
       VALUES (?, ?, ?, 'Explain it.', ?, 90000, 'scored', ?, ?)`,
    ).run(sessionId, position, answer.cardId, JSON.stringify(keyPoints), JSON.stringify(covered), answer.rating);
  });
}
