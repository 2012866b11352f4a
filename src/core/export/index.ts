import type { ExportKind } from '../api/stats.js';
import { currentMoment, type CoreContext } from '../context.js';
import { formatStudyDay } from '../scheduling/studyDay.js';
import { ValidationError } from '../errors.js';
import { progressCsv, reviewLogCsv } from './csv.js';
import { jsonExport } from './json.js';
import { htmlReport } from './report.js';
import { exportFileName, type ExportStream } from './stream.js';

export type { ExportStream };

/** Opens the export of one kind; PDF is rendered from the HTML report by the desktop host. */
export function openExport(context: CoreContext, kind: ExportKind): ExportStream {
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
