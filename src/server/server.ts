import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppHandlers } from '../core/api/contract.js';
import { dispatch, isMethodName } from '../core/api/dispatch.js';
import type { Logger } from '../log/logger.js';
import { hasAllowedHost, hasValidToken } from './security.js';
import { serveStatic } from './static.js';

/** Largest API request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A route besides the API methods, such as a file download; it runs only after the token check. */
export interface ExtraRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
}

export interface HttpHostOptions {
  handlers: AppHandlers;
  token: string;
  staticRoot: string;
  logger: Logger;
  extraRoutes?: ExtraRoute[];
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(body));
}

async function handleApi(options: HttpHostOptions, method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isMethodName(method)) {
    sendJson(response, 404, { ok: false, error: { code: 'not-found', message: `Unknown API method "${method.slice(0, 80)}".` } });
    return;
  }
  if (request.method !== 'POST') {
    sendJson(response, 405, { ok: false, error: { code: 'validation', message: 'Use POST for API methods.' } });
    return;
  }
  let payload: unknown;
  try {
    const text = await readBody(request);
    payload = text.length === 0 ? {} : JSON.parse(text);
  } catch (error) {
    const message = error instanceof BodyTooLargeError ? `Request body is larger than ${MAX_BODY_BYTES} bytes.` : 'Request body is not valid JSON.';
    sendJson(response, error instanceof BodyTooLargeError ? 413 : 400, { ok: false, error: { code: 'validation', message } });
    return;
  }
  const result = await dispatch(options.handlers, method, payload, options.logger);
  sendJson(response, 200, result);
}

async function route(options: HttpHostOptions, port: number, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!hasAllowedHost(request, port)) {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden host.');
    return;
  }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  const isApi = url.pathname.startsWith('/api/');
  const extra = options.extraRoutes?.find((candidate) => candidate.path === url.pathname && candidate.method === request.method);
  if (isApi || extra) {
    if (!hasValidToken(request, options.token)) {
      sendJson(response, 401, { ok: false, error: { code: 'validation', message: 'Missing or wrong access token. Open the URL that `npm run serve` printed.' } });
      return;
    }
    if (extra) await extra.handle(request, response, url);
    else await handleApi(options, url.pathname.slice('/api/'.length), request, response);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed.');
    return;
  }
  await serveStatic(options.staticRoot, url.pathname, response);
}

/** Replaces the EADDRINUSE error of a busy port with a message that names the port and what to do. Other errors pass unchanged. */
function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code !== 'EADDRINUSE') return error;
  return new Error(`Port ${port} on 127.0.0.1 is already in use by another program. Pick another port, or leave the port out to get a free one.`, {
    cause: error,
  });
}

/** Starts the browser host on 127.0.0.1 only; port 0 picks a free port. */
export async function startHttpHost(options: HttpHostOptions, requestedPort: number): Promise<RunningServer> {
  let port = requestedPort;
  const server = createServer((request, response) => {
    route(options, port, request, response).catch((error: unknown) => {
      options.logger.error('request failed', { url: request.url, error });
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'The request failed inside the server; see its log for the error.' } });
      else response.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(listenError(error, requestedPort));
    server.once('error', fail);
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', fail);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts the browser host for an app that is already open. When building the
 * options or listening fails, closes the app before rethrowing, so its open
 * marker is removed and the next start does not report an unclean shutdown.
 */
export async function startHttpHostForApp(app: { close(): void }, createOptions: () => HttpHostOptions, requestedPort: number): Promise<RunningServer> {
  try {
    return await startHttpHost(createOptions(), requestedPort);
  } catch (error) {
    app.close();
    throw error;
  }
}
