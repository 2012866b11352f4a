import type { AppHandlers } from './api/contract.js';
import { inTransaction } from '../db/connection.js';
import type { CoreContext } from './context.js';
import { getHome } from './review/home.js';
import { answerCard, getStudyStep, undoAnswer } from './review/service.js';
import { readSettings, writeSettings } from './settings/service.js';

/** Implements every AppApi method over one core context; hosts call these through dispatch(). */
export function createHandlers(context: CoreContext): AppHandlers {
  return {
    getHome: () => getHome(context),
    getStudyStep: ({ deckId }) => getStudyStep(context, deckId),
    answerCard: (request) => answerCard(context, request),
    undoAnswer: ({ deckId }) => undoAnswer(context, deckId),
    getSettings: () => readSettings(context.repositories.settings, context.logger),
    updateSettings: (update) => {
      inTransaction(context.db, () => writeSettings(context.repositories.settings, update));
      return readSettings(context.repositories.settings, context.logger);
    },
  };
}
