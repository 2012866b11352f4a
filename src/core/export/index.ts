import type { ExportKind } from '../api/stats.js';
import { currentMoment, type CoreContext } from '../context.js';
import { formatStudyDay } from '../scheduling/studyDay.js';
import { ValidationError } from '../errors.js';
import { progressCsv, reviewLogCsv } from './csv.js';
import { jsonExport } from './json.js';
import { htmlReport } from './report.js';
import { claimExport } from '../databaseFile.js';
import { exportFileName, type ExportChunk, type ExportStream } from './stream.js';

export type { ExportStream };

/**
 * Opens the export of one kind; PDF is rendered from the HTML report by the
 * desktop host. An export reads the live database between its chunks, so it
 * claims the folder while it runs: an import or restore cannot swap the
 * database under it, and it cannot start while one runs.
 */
export function openExport(context: CoreContext, kind: ExportKind): ExportStream {
  // Checked now as well, so a host rejects the export before it sends anything.
  claimExport(context)();
  const stream = exportOfKind(context, kind);
  return { ...stream, chunks: claimedWhileRead(context, stream.chunks) };
}

function exportOfKind(context: CoreContext, kind: ExportKind): ExportStream {
  switch (kind) {
    case 'progress-csv':
      return progressCsv(context);
    case 'review-log-csv':
      return reviewLogCsv(context);
    case 'json':
      return jsonExport(context);
    case 'html':
      return htmlReport(context);
    case 'pdf':
      throw new ValidationError(
        'PDF export needs the desktop app. In a browser, export the HTML report and print it to PDF.',
      );
  }
}

/** Yields the chunks of `chunks` under a claim taken at the first read and ended when they end, fail or the reader stops. */
async function* claimedWhileRead(context: CoreContext, chunks: AsyncIterable<ExportChunk>): AsyncGenerator<ExportChunk> {
  const release = claimExport(context);
  try {
    yield* chunks;
  } finally {
    release();
  }
}

const FILE_PARTS: Record<ExportKind, [string, string]> = {
  'progress-csv': ['progress', 'csv'],
  'review-log-csv': ['review-log', 'csv'],
  json: ['backup', 'json'],
  html: ['report', 'html'],
  pdf: ['report', 'pdf'],
};

/** Returns the file name an export of `kind` gets today, without reading any data. */
export function exportFileNameOf(context: CoreContext, kind: ExportKind): string {
  const [what, extension] = FILE_PARTS[kind];
  return exportFileName(what, formatStudyDay(currentMoment(context).studyDay), extension);
}
