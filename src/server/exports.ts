import { randomBytes } from 'node:crypto';
import { createWriteStream, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
/**
 * Largest backup accepted for upload, in bytes. The import streams the file, so
 * the cap only bounds the disk an upload can take: a collection with 2 million
 * answers exports about 1.4 GB, so 8 GiB leaves room for about 11 million.
 */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024 * 1024;
/** Uploads wait in the data folder under this prefix until their import ends. */
const UPLOAD_PREFIX = '.import-upload-';

export interface ExportHostOptions {
  /** Largest upload accepted, in bytes; MAX_IMPORT_BYTES unless a test sets a smaller one. */
  maxImportBytes?: number;
}

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

/** Formats a byte count as MB, or as GB from 1 GiB up. */
function sizeText(bytes: number): string {
  const gigabytes = bytes / 1024 ** 3;
  return gigabytes >= 1 ? `${Math.round(gigabytes * 10) / 10} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

function tooLarge(limit: number): ValidationError {
  return new ValidationError(
    `The backup is larger than ${sizeText(limit)}, the most an upload may be, so nothing was imported. ` +
      'Import it in the desktop app, which reads the file in place.',
  );
}

/** Writes the request body to `path`, rejecting a body over `limit` bytes; a failed write leaves no file. */
async function saveUpload(request: IncomingMessage, path: string, limit: number): Promise<void> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? tooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(request, counter, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}

/** Deletes uploads that no running import uses: leftovers of a crash or a kill. */
/** Resolves when `response` can take more data or has closed, and removes both listeners then. */
function drainOrClose(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

function removeStaleUploads(dataDir: string, active: Set<string>): void {
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (name.startsWith(UPLOAD_PREFIX) && !active.has(path)) rmSync(path, { force: true });
  }
}

/**
 * Exports and imports of the browser host. exportData hands out a one-time
 * link under the token-checked download route, which streams the file with
 * Content-Disposition; importData points the page at the upload route.
 */
export function createExportHost(app: App, logger: Logger, options: ExportHostOptions = {}): ExportHost {
  const tickets = new Map<string, { kind: ExportKind; expiresAt: number }>();
  const uploads = new Set<string>();
  const maxImportBytes = options.maxImportBytes ?? MAX_IMPORT_BYTES;
  // A server killed during an import leaves the whole upload behind, up to the size cap.
  removeStaleUploads(app.dataDir, uploads);

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
      if (!response.write(chunk.text)) await drainOrClose(response);
    }
    response.end();
    logger.info('export downloaded', { kind: ticket.kind, rows });
  }

  /** Saves the uploaded backup in the data folder (same disk, no size limit of memory) and imports it from there. */
  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    removeStaleUploads(app.dataDir, uploads);
    const path = join(app.dataDir, `${UPLOAD_PREFIX}${randomBytes(6).toString('hex')}.json`);
    uploads.add(path);
    try {
      await saveUpload(request, path, maxImportBytes);
      const summary = await importBackup(app, path);
      sendJson(response, 200, { ok: true, value: { kind: 'imported', summary } });
    } catch (error) {
      const body = toApiError(error);
      if (body.code === 'internal' || body.code === 'storage') logger.error('import failed', { error });
      // A body cut short by the size check is not read further, so the connection cannot be reused.
      if (!request.complete) response.setHeader('connection', 'close');
      sendJson(response, 200, { ok: false, error: body });
    } finally {
      rmSync(path, { force: true });
      uploads.delete(path);
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
