/**
 * The names of every AppApi method, free of zod so the preload script stays
 * tiny. contract.ts maps each name to its schemas; a test keeps both lists equal.
 */
export const METHOD_NAMES = [
  'getHome',
  'getStudyStep',
  'answerCard',
  'undoAnswer',
  'getSettings',
  'updateSettings',
  'listBackups',
  'backupNow',
  'restoreBackup',
  'getInterviewSetup',
  'startInterview',
  'replayInterview',
  'getInterviewSession',
  'saveInterviewAnswer',
  'closeInterviewPrompt',
  'scoreInterviewPrompt',
  'discardInterview',
  'listInterviewHistory',
  'createCardFromPoint',
  'getStats',
  'exportData',
  'importData',
  'getBrowseFilters',
  'browseCards',
  'getBrowseCard',
  'setCardsSuspended',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** IPC channel of a method in the desktop app. */
export function ipcChannel(method: MethodName): string {
  return `rehearse:${method}`;
}

/** HTTP path of a method in the browser host. */
export function httpPath(method: MethodName): string {
  return `/api/${method}`;
}
