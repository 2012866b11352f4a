import type { MemoryStateRow } from './types.js';

const FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
  'state',
  'last_review',
] as const;

/** The state columns with a prefix, e.g. `before_due, before_stability, ...`. */
export function stateColumns(prefix = ''): string {
  return FIELDS.map((field) => `${prefix}${field}`).join(', ');
}

/** Named parameters matching stateColumns, e.g. `@before_due, ...`. */
export function stateParameters(prefix = ''): string {
  return FIELDS.map((field) => `@${prefix}${field}`).join(', ');
}

/** Flattens a state into named parameters with a prefix. */
export function stateToParameters(state: MemoryStateRow, prefix = ''): Record<string, number | null> {
  return {
    [`${prefix}due`]: state.due,
    [`${prefix}stability`]: state.stability,
    [`${prefix}difficulty`]: state.difficulty,
    [`${prefix}elapsed_days`]: state.elapsedDays,
    [`${prefix}scheduled_days`]: state.scheduledDays,
    [`${prefix}learning_steps`]: state.learningSteps,
    [`${prefix}reps`]: state.reps,
    [`${prefix}lapses`]: state.lapses,
    [`${prefix}state`]: state.state,
    [`${prefix}last_review`]: state.lastReview,
  };
}

/** Reads a state from a row whose columns carry a prefix. */
export function stateFromRow(row: Record<string, unknown>, prefix = ''): MemoryStateRow {
  return {
    due: row[`${prefix}due`] as number,
    stability: row[`${prefix}stability`] as number,
    difficulty: row[`${prefix}difficulty`] as number,
    elapsedDays: row[`${prefix}elapsed_days`] as number,
    scheduledDays: row[`${prefix}scheduled_days`] as number,
    learningSteps: row[`${prefix}learning_steps`] as number,
    reps: row[`${prefix}reps`] as number,
    lapses: row[`${prefix}lapses`] as number,
    state: row[`${prefix}state`] as number,
    lastReview: (row[`${prefix}last_review`] as number | null) ?? null,
  };
}
