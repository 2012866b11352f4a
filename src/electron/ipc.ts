import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult, AppHandlers } from '../core/api/contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { ipcChannel, METHOD_NAMES, type MethodName } from '../core/api/methods.js';
import type { Logger } from '../log/logger.js';
import { isAppUrl } from './appUrl.js';

/**
 * Registers one IPC handler per AppApi method. This is the only place in the
 * app that registers IPC handlers, so every call from a renderer passes the
 * sender check and the payload validation in `dispatch`.
 */
export function registerIpcHandlers(handlers: AppHandlers, logger: Logger): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, payload: unknown) =>
      handleInvoke(handlers, method, event, payload, logger),
    );
  }
}

/** Removes the handlers again, for a host that reopens its data folder. */
export function removeIpcHandlers(): void {
  for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcChannel(method));
}

async function handleInvoke(
  handlers: AppHandlers,
  method: MethodName,
  event: IpcMainInvokeEvent,
  payload: unknown,
  logger: Logger,
): Promise<ApiResult<unknown>> {
  // The frame can be gone (null) when it navigated or closed while the call was in flight.
  const senderUrl = event.senderFrame?.url ?? null;

  if (!isAppUrl(senderUrl)) {
    logger.warn('Rejected an API call from a frame outside the app', {
      method,
      senderUrl: senderUrl?.slice(0, 200) ?? null,
    });
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: `The API method ${method} is available only to the Rehearse window.`,
      },
    };
  }

  return dispatch(handlers, method, payload, logger);
}
