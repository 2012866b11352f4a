import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../core/app.js';
import type { AppHandlers } from '../core/api/contract.js';
import { toApiError } from '../core/api/dispatch.js';
import type { ExportKind } from '../core/api/stats.js';
import { ValidationError } from '../core/errors.js';
import { exportFileNameOf, openExport } from '../core/export/index.js';
import { importBackup } from '../core/export/jsonImport.js';
import type { Logger } from '../log/logger.js';
import type { ExtraRoute } from './server.js';

export const DOWNLOAD_PATH = '/exports/download';
export const IMPORT_PATH = '/exports/import';
/** How long a download link stays valid; the page fetches it at once. */
const TICKET_TTL_MS = 60_000;
/** Largest backup accepted for import, in bytes. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export interface ExportHost {
  routes: ExtraRoute[];
  handlers: Pick<AppHandlers, 'exportData' | 'importData'>;
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...NO_STORE });
  response.end(JSON.stringify(body));
}

/** `attachment` with an ASCII name and its UTF-8 form (RFC 6266), so any browser saves under that name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function readText(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      const megabytes = Math.round(limit / 1024 / 1024);
      throw new ValidationError(`The backup is larger than ${megabytes} MB, the most an import reads for now, so nothing was imported.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Exports and imports of the browser host. exportData hands out a one-time
 * link under the token-checked download route, which streams the file with
 * Content-Disposition; importData points the page at the upload route.
 */
export function createExportHost(app: App, logger: Logger): ExportHost {
  const tickets = new Map<string, { kind: ExportKind; expiresAt: number }>();

  function dropExpired(now: number): void {
    for (const [id, ticket] of tickets) if (ticket.expiresAt < now) tickets.delete(id);
  }

  async function download(_request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    dropExpired(Date.now());
    const id = url.searchParams.get('id') ?? '';
    const ticket = tickets.get(id);
    tickets.delete(id);
    if (!ticket) {
      const message = 'This download link has expired or was already used. Export again.';
      sendJson(response, 404, { ok: false, error: { code: 'not-found', message } });
      return;
    }
    const stream = openExport(app.context, ticket.kind);
    response.writeHead(200, {
      'content-type': stream.contentType,
      'content-disposition': contentDisposition(stream.fileName),
      ...NO_STORE,
    });
    let rows = 0;
    for await (const chunk of stream.chunks) {
      if (response.destroyed) {
        logger.info('export download aborted by the browser', { kind: ticket.kind, rows });
        return;
      }
      rows += chunk.rows;
      // A browser that aborts closes the response, and 'drain' would then never come.
      if (!response.write(chunk.text)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
    }
    response.end();
    logger.info('export downloaded', { kind: ticket.kind, rows });
  }

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const text = await readText(request, MAX_IMPORT_BYTES);
      const summary = importBackup(app.context, text, app.dataDir);
      sendJson(response, 200, { ok: true, value: { kind: 'imported', summary } });
    } catch (error) {
      const body = toApiError(error);
      if (body.code === 'internal' || body.code === 'storage') logger.error('import failed', { error });
      sendJson(response, 200, { ok: false, error: body });
    }
  }

  return {
    routes: [
      { method: 'GET', path: DOWNLOAD_PATH, handle: download },
      { method: 'POST', path: IMPORT_PATH, handle: upload },
    ],
    handlers: {
      exportData: ({ kind }) => {
        if (kind === 'pdf') {
          throw new ValidationError(
            'PDF export needs the desktop app. In a browser, export the HTML report and print it to PDF.',
          );
        }
        const now = Date.now();
        dropExpired(now);
        const id = randomBytes(16).toString('hex');
        tickets.set(id, { kind, expiresAt: now + TICKET_TTL_MS });
        const fileName = exportFileNameOf(app.context, kind);
        return { kind: 'download', url: `${DOWNLOAD_PATH}?id=${id}`, fileName };
      },
      importData: () => ({ kind: 'upload', url: IMPORT_PATH }),
    },
  };
}
