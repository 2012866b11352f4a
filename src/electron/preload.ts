// Runs sandboxed in the renderer before the page. It may require only
// `electron`, so it imports nothing that pulls in zod or Node.js modules.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../core/api/contract.js';
import type { RehearseBridge } from '../core/api/bridge.js';
import { ipcChannel, METHOD_NAMES, type MethodName } from '../core/api/methods.js';

function invokeMethod(method: MethodName, request: unknown): Promise<ApiResult<unknown>> {
  // ipcRenderer.invoke rejects only when no handler is registered (the main
  // process failed to start), which reaches the page as an error result too.
  return ipcRenderer.invoke(ipcChannel(method), request).catch(
    (): ApiResult<unknown> => ({
      ok: false,
      error: {
        code: 'unavailable',
        message: `Rehearse could not reach its main process for ${method}. Restart Rehearse.`,
      },
    }),
  );
}

const bridge = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (request: unknown) => invokeMethod(method, request)]),
) as unknown as RehearseBridge;

contextBridge.exposeInMainWorld('rehearse', bridge);
