import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import type { Logger } from '../log/logger.js';
import { APP_HOST, APP_SCHEME } from './appUrl.js';

/**
 * The policy sent with every app:// response. Scripts come only from the app
 * itself and never through eval; inline styles stay allowed because React
 * sets style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

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

/** Returns the MIME type of a file by its extension, octet-stream when unknown. */
export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `rootDir`, or returns null when the path is
 * malformed or would leave the folder (for example `..%2f` segments, which
 * the URL parser does not normalise).
 */
export function resolveInsideRoot(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;

  const root = resolve(rootDir);
  const relativePath = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const target = resolve(root, relativePath);
  const fromRoot = relative(root, target);

  if (fromRoot === '' || isAbsolute(fromRoot)) return null;
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`)) return null;
  return target;
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
