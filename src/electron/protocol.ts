import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { protocol } from 'electron';
import type { Logger } from '../log/logger.js';
import { APP_HOST, APP_SCHEME } from './appUrl.js';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveInsideRoot } from '../core/web/rendererFiles.js';

export { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveInsideRoot };

export type ProtocolHandler = (request: Request) => Promise<Response>;

/**
 * Registers app:// as a standard, secure scheme. Electron accepts this only
 * before the app's ready event.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer in `rootDir` on app://rehearse/. Call after ready. */
export function serveAppProtocol(rootDir: string, logger: Logger): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, logger));
}

/** Builds the app:// request handler; exported so tests can call it without Electron. */
export function createAppProtocolHandler(rootDir: string, logger: Logger): ProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, `Method ${request.method} is not allowed on app:// URLs.`);
    }

    const url = new URL(request.url);
    if (url.hostname !== APP_HOST) {
      return textResponse(404, `Unknown host "${url.hostname}".`);
    }

    const filePath = resolveInsideRoot(rootDir, url.pathname);
    if (filePath === null) {
      logger.warn('Rejected app:// path outside the renderer folder', { url: request.url });
      return textResponse(403, 'Invalid path.');
    }

    const body = await readRendererFile(filePath, rootDir, logger);
    if (body === null) return textResponse(404, `Not found: ${url.pathname}`);

    const headers = securityHeaders(mimeTypeOf(body.path));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body.bytes), {
      status: 200,
      headers,
    });
  };
}

/**
 * Reads a file of the renderer. A missing path without an extension is a
 * client-side route, so it gets index.html and a reload keeps working.
 */
async function readRendererFile(
  filePath: string,
  rootDir: string,
  logger: Logger,
): Promise<{ path: string; bytes: Buffer } | null> {
  try {
    return { path: filePath, bytes: await readFile(filePath) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') {
      logger.error('Reading a renderer file failed', { path: filePath, error });
      return null;
    }
  }

  if (extname(filePath) !== '') return null;
  const indexPath = resolve(rootDir, 'index.html');
  try {
    return { path: indexPath, bytes: await readFile(indexPath) };
  } catch (error) {
    logger.error('The renderer has no index.html; run the build first', { path: indexPath, error });
    return null;
  }
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });
}
