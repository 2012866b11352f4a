import type { HistoryEntryView, InterviewSetupView } from '../api/interview.js';
import { currentMoment, type CoreContext } from '../context.js';
import { FAMILIES, type Family } from '../decks/schema.js';
import { isDueToday, loadCandidates } from './candidates.js';
import { FORMATS, INTERVIEW_FORMATS } from './formats.js';
import { historyEntry } from './view.js';

/** Builds the setup screen: formats with the prompts available to each, topics, families and any unfinished session. */
export function getInterviewSetup(context: CoreContext): InterviewSetupView {
  const moment = currentMoment(context);
  const candidates = loadCandidates(context, moment);
  const formats = INTERVIEW_FORMATS.map((id) => {
    const definition = FORMATS[id];
    const available = candidates.filter((candidate) => definition.style === null || candidate.style === definition.style).length;
    return { ...definition, available };
  });

  const topics = context.repositories.decks
    .list()
    .map((deck) => {
      const prompts = candidates.filter((candidate) => candidate.deckId === deck.id);
      return {
        deckId: deck.id,
        title: deck.title,
        family: deck.family as Family,
        prompts: prompts.length,
        deepDives: prompts.filter((candidate) => candidate.style === 'deep-dive').length,
        due: prompts.filter((candidate) => isDueToday(candidate, moment)).length,
      };
    })
    .filter((topic) => topic.prompts > 0);

  const families = FAMILIES.map((family) => ({
    family,
    prompts: candidates.filter((candidate) => candidate.family === family).length,
  }));
  const active = context.repositories.interviews.findActive();
  const unfinished = active ? context.repositories.interviews.getHistoryEntry(active.id) : null;
  return {
    formats,
    topics,
    families,
    unfinished: unfinished ? historyEntry(unfinished) : null,
    due: candidates.filter((candidate) => isDueToday(candidate, moment)).length,
  };
}

/** Lists past and unfinished sessions, newest first. */
export function listInterviewHistory(context: CoreContext, limit: number, offset: number): { sessions: HistoryEntryView[] } {
  return { sessions: context.repositories.interviews.listHistory(limit, offset).map(historyEntry) };
}
