import type { AppHandlers } from './api/contract.js';
import { inTransaction } from '../db/connection.js';
import type { BackupService } from './backup/service.js';
import { getBrowseCard } from './browse/detail.js';
import { browseCards, getBrowseFilters } from './browse/list.js';
import { setCardsSuspended } from './browse/suspend.js';
import type { CoreContext } from './context.js';
import { closeInterviewPrompt, createCardFromPoint, saveInterviewAnswer, scoreInterviewPrompt } from './interview/answers.js';
import { discardInterview, getInterviewSession, replayInterview, startInterview } from './interview/sessions.js';
import { getInterviewSetup, listInterviewHistory } from './interview/setup.js';
import { getHome } from './review/home.js';
import { answerCard, getStudyStep, undoAnswer } from './review/service.js';
import { readSettings, writeSettings } from './settings/service.js';
import { exportNeedsHost, importNeedsHost } from './export/hosts.js';
import { getStats } from './stats/service.js';

/** Services that live beside the database context: backups and the health of the last start. */
export interface AppServices {
  backups: BackupService;
  health: { uncleanShutdown: boolean; checked: boolean; problems: string[] };
  dataDir: string;
  restore: (name: string) => Promise<{ restored: string; safetyBackup: string }>;
}

/** Implements every AppApi method over one core context; hosts call these through dispatch(). */
export function createHandlers(context: CoreContext, services: AppServices): AppHandlers {
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
    listBackups: () => ({
      backups: services.backups.list(),
      folder: services.backups.folder,
      uncleanShutdown: services.health.uncleanShutdown,
      checked: services.health.checked,
      problems: services.health.problems,
    }),
    backupNow: () => services.backups.backupNow('on-request'),
    restoreBackup: ({ name }) => services.restore(name),
    getInterviewSetup: () => getInterviewSetup(context),
    startInterview: (request) => startInterview(context, request),
    replayInterview: ({ sessionId }) => replayInterview(context, sessionId),
    getInterviewSession: ({ sessionId }) => getInterviewSession(context, sessionId),
    saveInterviewAnswer: (request) => saveInterviewAnswer(context, request),
    closeInterviewPrompt: (request) => closeInterviewPrompt(context, request),
    scoreInterviewPrompt: (request) => scoreInterviewPrompt(context, request),
    discardInterview: ({ sessionId }) => discardInterview(context, sessionId),
    listInterviewHistory: ({ limit, offset }) => listInterviewHistory(context, limit, offset),
    createCardFromPoint: (request) => createCardFromPoint(context, request),
    getStats: (request) => getStats(context, request),
    // Exports and imports pick files, so each host replaces these two with its own.
    exportData: exportNeedsHost,
    importData: importNeedsHost,
    getBrowseFilters: () => getBrowseFilters(context),
    browseCards: (request) => browseCards(context, request),
    getBrowseCard: ({ cardId }) => getBrowseCard(context, cardId),
    setCardsSuspended: (request) => setCardsSuspended(context, request),
  };
}
