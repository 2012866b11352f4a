import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../../src/core/app.js';
import { configureLogging, createLogger } from '../../src/log/logger.js';

// Tests expect failures on purpose; set REHEARSE_TEST_LOGS=1 to see what the code logs.
configureLogging(process.env.REHEARSE_TEST_LOGS ? { level: 'debug' } : { level: 'error', sink: () => undefined });

export const testLogger = createLogger('test');

/** A movable clock for tests: `clock.now` is read on every call. */
export interface TestClock {
  now: number;
  (): number;
}

export function createClock(start: number): TestClock {
  const clock = (() => clock.now) as TestClock;
  clock.now = start;
  return clock;
}

/** Makes a temp folder removed by the returned cleanup function. */
export function makeTempDir(prefix = 'rehearse-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** YAML for a deck of `count` basic cards with ids `<deckId>-1`, `<deckId>-2`, ... */
export function basicDeckYaml(deckId: string, count: number, family = 'data-and-experiments'): string {
  const cards = Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    return `  - id: ${deckId}-${number}
    kind: basic
    front: Question ${number} of ${deckId}?
    back: Answer ${number}.
    sources:
      - title: Example source
        url: https://example.org/${deckId}/${number}`;
  });
  return `id: ${deckId}\ntitle: Deck ${deckId}\ndescription: Test deck ${deckId}.\nfamily: ${family}\ncards:\n${cards.join('\n')}\n`;
}

export interface TempApp {
  app: App;
  clock: TestClock;
  dataDir: string;
  decksDir: string;
  reopen(): App;
  cleanup(): void;
}

/** Opens Rehearse on a fresh temp data folder with the given deck files, a fixed clock and time zone. */
export function openTempApp(options: { decks: Record<string, string>; start: number; timeZone?: string }): TempApp {
  const root = makeTempDir();
  const dataDir = join(root.path, 'data');
  const decksDir = join(root.path, 'decks');
  mkdirSync(decksDir);
  for (const [name, text] of Object.entries(options.decks)) writeFileSync(join(decksDir, name), text);
  const clock = createClock(options.start);
  const timeZone = options.timeZone ?? 'UTC';
  const open = () => openApp({ dataDir, decksDir, logger: testLogger, clock, timeZone: () => timeZone });
  const handle: TempApp = {
    app: open(),
    clock,
    dataDir,
    decksDir,
    reopen() {
      handle.app.close();
      handle.app = open();
      return handle.app;
    },
    cleanup() {
      handle.app.close();
      root.cleanup();
    },
  };
  return handle;
}
