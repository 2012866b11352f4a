import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from '../log/logger.js';

/** A log larger than this at start-up is moved to main.old.log, replacing the previous one. */
export const MAX_LOG_BYTES = 5 * 1024 * 1024;

export interface LogFile {
  path: string;
  sink: LogSink;
  close(): void;
}

/** Opens `logs/main.log` in the data folder; the sink writes each line there and to stderr. */
export function openLogFile(dataDir: string): LogFile {
  const folder = join(dataDir, 'logs');
  mkdirSync(folder, { recursive: true });

  const path = join(folder, 'main.log');
  rotateWhenLarge(path, join(folder, 'main.old.log'));
  const fd = openSync(path, 'a');
  let open = true;

  const sink: LogSink = (line) => {
    process.stderr.write(`${line}\n`);
    // After close the descriptor number may belong to another file, such as the database.
    if (!open) return;
    try {
      writeSync(fd, `${line}\n`);
    } catch {
      // A full disk or a closed file must not crash the app; stderr still has the line.
    }
  };

  const close = (): void => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };

  return { path, sink, close };
}

function rotateWhenLarge(path: string, oldPath: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size > MAX_LOG_BYTES) renameSync(path, oldPath);
}
