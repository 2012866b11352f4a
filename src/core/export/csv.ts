import { currentMoment, type CoreContext } from '../context.js';
import { formatStudyDay } from '../scheduling/studyDay.js';
import { csvLine, exportFileName, PAGE_ROWS, yieldToEventLoop } from './stream.js';
import type { ExportChunk, ExportStream } from './stream.js';

export const PROGRESS_HEADER = [
  'date',
  'reviews',
  'again',
  'hard',
  'good',
  'easy',
  'minutes',
  'new_cards',
  'retention',
];
export const REVIEW_LOG_HEADER = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'];

/**
 * Progress CSV: one row per study day with answers. `retention` is the share
 * of review-state answers rated Hard, Good or Easy, empty on days without any.
 */
export function progressCsv(context: CoreContext): ExportStream {
  const moment = currentMoment(context);
  // A few thousand study days at most, so the rows are read in one go.
  const days = [...context.repositories.stats.iterateAllDays()];
  async function* chunks(): AsyncGenerator<ExportChunk> {
    yield { text: csvLine(PROGRESS_HEADER), rows: 0 };
    for (const day of days) {
      const retention = day.reviewCards === 0 ? null : (day.passed / day.reviewCards).toFixed(4);
      const minutes = (day.durationMs / 60_000).toFixed(2);
      const ratings = [day.again, day.hard, day.good, day.easy];
      const values = [formatStudyDay(day.studyDay), day.answers, ...ratings, minutes, day.newCards, retention];
      yield { text: csvLine(values), rows: 1 };
    }
  }
  return {
    fileName: exportFileName('progress', formatStudyDay(moment.studyDay), 'csv'),
    contentType: 'text/csv; charset=utf-8',
    totalRows: days.length,
    chunks: chunks(),
  };
}

/**
 * The review log in the CSV layout the FSRS optimizer reads: review_time in
 * UTC milliseconds, review_rating 1–4, review_state the state before the
 * answer (0 new, 1 learning, 2 review, 3 relearning), review_duration in
 * milliseconds. Interview answers are included; they are FSRS reviews too.
 */
export function reviewLogCsv(context: CoreContext): ExportStream {
  const moment = currentMoment(context);
  const repository = context.repositories.exports;
  async function* chunks(): AsyncGenerator<ExportChunk> {
    yield { text: csvLine(REVIEW_LOG_HEADER), rows: 0 };
    let afterId = 0;
    for (;;) {
      const page = repository.reviewLogPage(afterId, PAGE_ROWS);
      if (page.length === 0) return;
      const lines = page.map((row) => {
        return csvLine([row.card_id, row.reviewed_at, row.rating, row.before_state, row.duration_ms]);
      });
      const text = lines.join('');
      afterId = page[page.length - 1]!.id;
      yield { text, rows: page.length };
      await yieldToEventLoop();
    }
  }
  return {
    fileName: exportFileName('review-log', formatStudyDay(moment.studyDay), 'csv'),
    contentType: 'text/csv; charset=utf-8',
    totalRows: repository.count('review_log'),
    chunks: chunks(),
  };
}
