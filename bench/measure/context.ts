import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type App } from '../../src/core/app.js';
import { createLogger } from '../../src/log/logger.js';
import { DATA_FOLDER, DECKS_FOLDER, type FixtureManifest } from '../fixture/manifest.js';

/** Paths of one benchmark run. */
export interface BenchPaths {
  fixture: string;
  dataDir: string;
  decksDir: string;
  /** An empty deck folder: opening with it skips the deck sync where a measurement does not need it. */
  noDecksDir: string;
  /** Scratch space for exports and child builds, under .bench-data. */
  workDir: string;
  childDir: string;
}

export function benchPaths(fixture: string, workDir: string): BenchPaths {
  const noDecksDir = join(workDir, 'no-decks');
  mkdirSync(noDecksDir, { recursive: true });
  return {
    fixture,
    dataDir: join(fixture, DATA_FOLDER),
    decksDir: join(fixture, DECKS_FOLDER),
    noDecksDir,
    workDir,
    childDir: join(workDir, 'children'),
  };
}

/** Opens the fixture in this process with its pinned clock and UTC, without re-reading deck files. */
export function openFixtureApp(paths: BenchPaths, manifest: FixtureManifest): App {
  return openApp({
    dataDir: paths.dataDir,
    decksDir: paths.noDecksDir,
    logger: createLogger('bench'),
    clock: () => manifest.now,
    timeZone: () => manifest.timeZone,
  });
}
