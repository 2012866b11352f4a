import { z } from 'zod';
import { settingsSchema } from '../settings/schema.js';
import {
  browseCardDetail,
  browseCardRequest,
  browseFilters,
  browsePage,
  browseRequest,
  setSuspendedRequest,
  setSuspendedResult,
} from './browse.js';
import { backupEntryView, backupsView, restoreBackupRequest, restoreBackupResult } from './backup.js';
import {
  cardFromPointRequest,
  cardFromPointResponse,
  closeInterviewPromptRequest,
  discardResponse,
  historyRequest,
  interviewHistoryView,
  interviewSessionView,
  interviewSetupView,
  saveInterviewAnswerRequest,
  saveInterviewAnswerResponse,
  scoreInterviewPromptRequest,
  sessionRequest,
  startInterviewRequest,
} from './interview.js';
import type { MethodName } from './methods.js';
import { exportRequest, exportResult, importResult, statsRequest, statsView } from './stats.js';
import { answerRequest, emptyRequest, settingsUpdateRequest, studyRequest, undoRequest } from './requests.js';
import { homeView, studyStep } from './views.js';

/**
 * AppApi: the one typed contract between the renderer and both hosts. Each
 * method has a request and a response schema, and hosts validate requests
 * with them. The IPC channel or URL of a method derives from its name.
 */
export const contract = {
  getHome: { request: emptyRequest, response: homeView },
  getStudyStep: { request: studyRequest, response: studyStep },
  answerCard: { request: answerRequest, response: studyStep },
  undoAnswer: { request: undoRequest, response: studyStep },
  getSettings: { request: emptyRequest, response: settingsSchema },
  updateSettings: { request: settingsUpdateRequest, response: settingsSchema },
  listBackups: { request: emptyRequest, response: backupsView },
  backupNow: { request: emptyRequest, response: backupEntryView },
  restoreBackup: { request: restoreBackupRequest, response: restoreBackupResult },
  getInterviewSetup: { request: emptyRequest, response: interviewSetupView },
  startInterview: { request: startInterviewRequest, response: interviewSessionView },
  replayInterview: { request: sessionRequest, response: interviewSessionView },
  getInterviewSession: { request: sessionRequest, response: interviewSessionView },
  saveInterviewAnswer: { request: saveInterviewAnswerRequest, response: saveInterviewAnswerResponse },
  closeInterviewPrompt: { request: closeInterviewPromptRequest, response: interviewSessionView },
  scoreInterviewPrompt: { request: scoreInterviewPromptRequest, response: interviewSessionView },
  discardInterview: { request: sessionRequest, response: discardResponse },
  listInterviewHistory: { request: historyRequest, response: interviewHistoryView },
  createCardFromPoint: { request: cardFromPointRequest, response: cardFromPointResponse },
  getStats: { request: statsRequest, response: statsView },
  exportData: { request: exportRequest, response: exportResult },
  importData: { request: emptyRequest, response: importResult },
  getBrowseFilters: { request: emptyRequest, response: browseFilters },
  browseCards: { request: browseRequest, response: browsePage },
  getBrowseCard: { request: browseCardRequest, response: browseCardDetail },
  setCardsSuspended: { request: setSuspendedRequest, response: setSuspendedResult },
} satisfies Record<MethodName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type ApiRequest<M extends MethodName> = z.input<Contract[M]['request']>;
export type ApiResponse<M extends MethodName> = z.output<Contract[M]['response']>;

/** The API as the renderer calls it: one async function per method. */
export type AppApi = { [M in MethodName]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

/** The API as core implements it: validated requests in, plain values out. */
export type AppHandlers = { [M in MethodName]: (request: z.output<Contract[M]['request']>) => ApiResponse<M> | Promise<ApiResponse<M>> };

/** `forbidden`: the host rejected the caller itself, such as an IPC message from a frame outside the app. */
export type ApiErrorCode = 'validation' | 'not-found' | 'conflict' | 'storage' | 'unavailable' | 'forbidden' | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

/** What crosses IPC and HTTP: a value or an error, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export type { MethodName };
// The Browse screen's constants and types, so the renderer reaches them through the contract.
export { BROWSE_PAGE_SIZE, BROWSE_STATES, CARD_KINDS, MAX_SEARCH_CHARS } from './browse.js';
export type { BrowseCardDetail, BrowseFilters, BrowsePage, BrowseRequestInput, BrowseRow, BrowseState, HistoryEntry } from './browse.js';
export type { ChartView, ExportKind, ExportResult, ImportResult, ImportSummary, ReadinessRow, StatsView, SvgNode } from './stats.js';
export type {
  FormatView,
  HistoryEntryView,
  InterviewFormatId,
  InterviewPromptView,
  InterviewSessionView,
  InterviewSetupView,
  InterviewStep,
  InterviewSummaryView,
  MissedPointView,
  ReviewMode,
} from './interview.js';
