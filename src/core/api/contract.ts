import { z } from 'zod';
import { settingsSchema } from '../settings/schema.js';
import { backupEntryView, backupsView, restoreBackupRequest, restoreBackupResult } from './backup.js';
import type { MethodName } from './methods.js';
import { answerRequest, emptyRequest, settingsUpdateRequest, studyRequest, undoRequest } from './requests.js';
import { homeView, studyStep } from './views.js';

/**
 * AppApi: the one typed contract between the renderer and both hosts. Each
 * method has a request and a response schema; hosts validate requests with
 * them, and the channel or URL of a method derives from its name.
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
} satisfies Record<MethodName, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type ApiRequest<M extends MethodName> = z.input<Contract[M]['request']>;
export type ApiResponse<M extends MethodName> = z.output<Contract[M]['response']>;

/** The API as the renderer calls it: one async function per method. */
export type AppApi = { [M in MethodName]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

/** The API as core implements it: validated requests in, plain values out. */
export type AppHandlers = { [M in MethodName]: (request: z.output<Contract[M]['request']>) => ApiResponse<M> | Promise<ApiResponse<M>> };

export type ApiErrorCode = 'validation' | 'not-found' | 'conflict' | 'storage' | 'unavailable' | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

/** What crosses IPC and HTTP: a value or an error, never a thrown exception. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export type { MethodName };
