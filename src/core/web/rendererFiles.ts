import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * What both hosts need to serve the built renderer safely: the
 * Content-Security-Policy, MIME types and a path check that keeps requests
 * inside the renderer folder.
 */

/**
 * The policy sent with every renderer response, over app:// and over HTTP. Scripts come only from the app
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
