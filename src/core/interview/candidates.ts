import type { CoreContext, Moment } from '../context.js';
import type { Family, InterviewStyle } from '../decks/schema.js';
import type { PromptCandidate } from './planning.js';

/** Loads every active interview prompt with its retrievability at the moment's time. */
export function loadCandidates(context: CoreContext, moment: Moment): PromptCandidate[] {
  return context.repositories.interviews.listCandidates().map((row) => ({
    cardId: row.cardId,
    deckId: row.deckId,
    family: row.family as Family,
    style: row.style as InterviewStyle,
    timeLimitSec: row.timeLimitSec,
    state: row.state.state,
    due: row.state.due,
    retrievability: moment.scheduler.retrievability(row.state, moment.now),
  }));
}

/** True when a prompt has been practised and is due before the study day ends. */
export function isDueToday(candidate: PromptCandidate, moment: Moment): boolean {
  return candidate.state > 0 && candidate.due < moment.dayEnd;
}
