/** One piece of an export: text to write and how many rows it carries, for progress. */
export interface ExportChunk {
  /** The text, as a string or already encoded as UTF-8 (the JSON export's pages come from SQLite as bytes). */
  text: string | Uint8Array;
  rows: number;
}

/** An export ready to be written anywhere: a file, an HTTP response. */
export interface ExportStream {
  fileName: string;
  contentType: string;
  /** Rows the export will carry, for a progress fraction; an estimate when rows arrive meanwhile. */
  totalRows: number;
  chunks: AsyncIterable<ExportChunk>;
}

/** Rows read per page: big enough to be fast, small enough to keep each pause short. */
export const PAGE_ROWS = 2000;

/** Lets other requests run between pages, so a long export never blocks the app. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Quotes a CSV field when it contains a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** `rehearse-<what>-<YYYY-MM-DD>.<extension>`, dated by the current study day. */
export function exportFileName(what: string, studyDay: string, extension: string): string {
  return `rehearse-${what}-${studyDay}.${extension}`;
}
