// `npm run bench:fixture`: generates the heavy-user data folder the benchmarks run against.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../src/core/app.js';
import { createScheduler } from '../src/core/scheduling/fsrs.js';
import { DEFAULT_SETTINGS } from '../src/core/settings/schema.js';
import { openDatabase } from '../src/db/connection.js';
import { createRepositories } from '../src/db/repositories/index.js';
import { configureLogging, createLogger } from '../src/log/logger.js';
import { buildDecks, verifyDeckFile, writeDeckFiles } from './fixture/decks.js';
import { DATA_FOLDER, DECKS_FOLDER, MANIFEST_FILE, writeManifest } from './fixture/manifest.js';
import { createRandom } from './fixture/random.js';
import { simulateReviews } from './fixture/simulate.js';
import { listCards, writeDecksAndStates, writeReviewLog } from './fixture/write.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const HELP = `Usage: npm run bench:fixture -- [options]

Generates a heavy-user data folder: deck files in <out>/decks, the database in
<out>/data/rehearse.db and <out>/manifest.json.

Options:
  --out DIR       output folder (default: .bench-data/fixture); replaced if it holds a fixture
  --seed N        seed of the simulation (default: 20261204)
  --now ISO       the simulated present, e.g. 2026-12-04T12:00:00Z (default: the current hour)
  --cards N       cards in all decks (default: 100000)
  --decks N       decks, the bundled ones included (default: 40)
  --reviews N     review-log rows (default: 2000000)
  --years N       years of history (default: 3)
  --help          show this help
`;

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`Invalid --${name} "${value}": give a positive whole number.`);
  return number;
}

function parseNow(value: string | undefined): number {
  if (value === undefined) return Math.floor(Date.now() / HOUR) * HOUR;
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) throw new Error(`Invalid --now "${value}": give an ISO time such as 2026-12-04T12:00:00Z.`);
  return instant;
}

/** Empties `out`, refusing a non-empty folder that is not a fixture so no user data is deleted. */
function prepareFolder(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MANIFEST_FILE))) {
      throw new Error(`${out} is not empty and holds no ${MANIFEST_FILE}: choose an empty folder with --out.`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(join(out, DECKS_FOLDER), { recursive: true });
  mkdirSync(join(out, DATA_FOLDER), { recursive: true });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      cards: { type: 'string' },
      decks: { type: 'string' },
      reviews: { type: 'string' },
      years: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const began = performance.now();
  const step = (label: string) => process.stdout.write(`${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s  ${label}\n`);
  const out = resolve(values.out ?? '.bench-data/fixture');
  const seed = wholeNumber('seed', values.seed, 20_261_204);
  const now = parseNow(values.now);
  const totalCards = wholeNumber('cards', values.cards, 100_000);
  const deckCount = wholeNumber('decks', values.decks, 40);
  const targetReviews = wholeNumber('reviews', values.reviews, 2_000_000);
  const start = now - wholeNumber('years', values.years, 3) * 365 * DAY;
  configureLogging({ level: 'warn' });
  prepareFolder(out);
  const random = createRandom(seed);

  const decks = buildDecks(resolve('decks'), deckCount, totalCards, random);
  const decksDir = join(out, DECKS_FOLDER);
  writeDeckFiles(decks, resolve('decks'), decksDir);
  verifyDeckFile(decksDir, decks.find((loaded) => loaded.bytes !== undefined)!);
  step(`wrote ${decks.length} deck files`);

  const cards = listCards(decks);
  const scheduler = createScheduler(DEFAULT_SETTINGS);
  const simulation = simulateReviews({ cardIds: cards.map((card) => card.id), start, now, targetReviews, scheduler, random });
  step(`simulated ${simulation.rows.count} answers to ${simulation.introduced} cards`);

  const db = openDatabase(join(out, DATA_FOLDER, DATABASE_FILE), { logger: createLogger('fixture') });
  try {
    // Generation only: a crash here loses nothing but the fixture, which is rebuilt from the seed.
    db.pragma('synchronous = OFF');
    db.pragma('main.journal_mode = MEMORY');
    db.pragma('cache_size = -262144');
    const repositories = createRepositories(db);
    writeDecksAndStates(db, repositories, decks, simulation, start);
    repositories.settings.set('reviewsPerDay', 2000);
    repositories.settings.set('newPerDay', 50);
    step('wrote decks, cards and card states');
    writeReviewLog(db, cards, simulation, start, random);
    step('wrote the review log and rebuilt its indexes');
    db.pragma('main.journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Names the schema: after migration 6's ALTER TABLE ... RENAME, an unqualified checkpoint also
    // reaches the temp schema and fails with "database table is locked" (seen with SQLite 3.54.1).
    db.pragma('main.wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }

  const basic = cards.filter((card) => card.kind === 'basic');
  writeManifest(out, {
    formatVersion: 1,
    seed,
    now,
    start,
    timeZone: 'UTC',
    decks: decks.length,
    cards: cards.length,
    reviews: simulation.rows.count,
    introduced: simulation.introduced,
    sampleCardIds: Array.from({ length: 1000 }, () => random.pick(basic).id),
    generatedAt: new Date().toISOString(),
    generationMs: Math.round(performance.now() - began),
  });
  step(`done: ${out}`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`Fixture generation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
