import type { BrowseCardRow } from '../../db/repositories/browse.js';
import type { BrowseRow, BrowseState } from '../api/browse.js';
import type { Moment } from '../context.js';
import type { Family, InterviewStyle } from '../decks/schema.js';
import { CARD_STATES } from '../scheduling/fsrs.js';

const STATE_NAMES: Record<number, Exclude<BrowseState, 'suspended'>> = {
  [CARD_STATES.new]: 'new',
  [CARD_STATES.learning]: 'learning',
  [CARD_STATES.review]: 'review',
  [CARD_STATES.relearning]: 'relearning',
};

/** Maximum length of the question shown in a list row, in characters. */
const MAX_QUESTION_CHARS = 200;

/**
 * Returns the first non-empty line of a card's front or prompt as plain text, cut to fit
 * one row. Code ticks, bold markers and a leading heading or quote marker are dropped;
 * other Markdown stays as written.
 */
export function firstLine(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  const trimmed = line
    .replace(/^\s*(#{1,6}|>)\s+/, '')
    .replace(/`|\*\*/g, '')
    .trim();
  return trimmed.length > MAX_QUESTION_CHARS ? `${trimmed.slice(0, MAX_QUESTION_CHARS - 1)}…` : trimmed;
}

/** Returns the Browse state of a card: `suspended` when suspended, else the name of its FSRS state. */
export function browseStateOf(row: BrowseCardRow): BrowseState {
  if (row.suspended) return 'suspended';
  return STATE_NAMES[row.state.state] ?? 'new';
}

/** FSRS state numbers of the named states; `suspended` has none. */
export function fsrsStatesOf(states: readonly BrowseState[]): number[] {
  return states.filter((state) => state !== 'suspended').map((state) => CARD_STATES[state]);
}

/** Shapes a stored row for the list, with its retrievability at the moment's time. */
export function toBrowseRow(row: BrowseCardRow, moment: Moment): BrowseRow {
  const isNew = row.state.state === CARD_STATES.new;
  // The scheduler is the one module that computes the forgetting curve.
  const retrievability = isNew ? null : moment.scheduler.retrievability(row.state, moment.now);
  return {
    id: row.id,
    question: firstLine(row.question),
    deckId: row.deckId,
    deckTitle: row.deckTitle,
    family: row.family as Family,
    kind: row.kind,
    style: row.style as InterviewStyle | null,
    state: browseStateOf(row),
    suspended: row.suspended,
    due: isNew ? null : row.state.due,
    reps: row.state.reps,
    lapses: row.state.lapses,
    retrievability: retrievability === null ? null : Math.min(1, Math.max(0, retrievability)),
  };
}
