import { isAbsolute, join, resolve } from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';

/** Returns the value of `--data-dir=PATH` or `--data-dir PATH`; undefined when absent or empty. */
export function readDataDirFlag(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === DATA_DIR_FLAG) return argv[index + 1] || undefined;
    if (arg?.startsWith(`${DATA_DIR_FLAG}=`)) {
      return arg.slice(DATA_DIR_FLAG.length + 1) || undefined;
    }
  }
  return undefined;
}

export interface DataDirSources {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** Electron's userData folder, named after productName Rehearse. */
  userDataPath: string;
  cwd: string;
}

/** Chooses the data folder: --data-dir, then REHEARSE_DATA_DIR, then Electron's userData. */
export function chooseDataDir(sources: DataDirSources): string {
  const chosen = readDataDirFlag(sources.argv) ?? (sources.env.REHEARSE_DATA_DIR || undefined);
  if (chosen === undefined) return sources.userDataPath;
  return isAbsolute(chosen) ? chosen : resolve(sources.cwd, chosen);
}

export interface DecksDirSources {
  isPackaged: boolean;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
  /** app.getAppPath(): the project folder when run with `electron .`. */
  appPath: string;
}

/** Returns the folder of the bundled deck files in a packaged app or a checkout. */
export function bundledDecksDir(sources: DecksDirSources): string {
  return sources.isPackaged ? join(sources.resourcesPath, 'decks') : join(sources.appPath, 'decks');
}
