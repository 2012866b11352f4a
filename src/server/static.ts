import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveInsideRoot } from '../core/web/rendererFiles.js';

/** Sends a built renderer file with security headers; 404 when missing. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const path = resolveInsideRoot(root, urlPath === '/' ? '/index.html' : urlPath);
  if (path === null) {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Invalid path.');
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.');
    return;
  }
  const type = mimeTypeOf(path);
  const isHtml = type.startsWith('text/html');
  response.writeHead(200, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': isHtml ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  response.end(body);
}
