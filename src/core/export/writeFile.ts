import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportStream } from './stream.js';

/** Progress of a running export: rows written so far and the expected total. */
export type ExportProgress = (done: number, total: number) => void;

/** Returns a hidden name beside the target, so the final rename stays on one file system. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
}

/**
 * Writes an export under a temporary name in the target folder, flushes it to
 * disk and renames it over `path` only when complete, so a failure or a crash
 * never leaves half a file under the real name. Returns the bytes written.
 */
export async function writeExportFile(
  path: string,
  stream: ExportStream,
  onProgress?: ExportProgress,
): Promise<number> {
  const temporary = temporaryPath(path);
  const file = await open(temporary, 'wx');
  let bytes = 0;
  let done = 0;
  try {
    for await (const chunk of stream.chunks) {
      // writeFile on a handle writes all of the text from the current position; write() may stop short.
      await file.writeFile(chunk.text);
      bytes += Buffer.byteLength(chunk.text);
      done += chunk.rows;
      onProgress?.(done, Math.max(done, stream.totalRows));
    }
    await file.sync();
    await file.close();
    await rename(temporary, path);
    return bytes;
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes bytes (a rendered PDF) the same way: a temporary name first, renamed when complete. */
export async function writeExportBytes(path: string, bytes: Uint8Array): Promise<number> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, bytes, { flag: 'wx', flush: true });
    await rename(temporary, path);
    return bytes.byteLength;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
