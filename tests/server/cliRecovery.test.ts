import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/core/app.js';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { startServe, type ServeProcess } from '../e2e/harness.js';
import { testLogger } from '../helpers/tempApp.js';

const SERVER_ENTRY = 'dist/server/cli.js';

/** Runs only after a build, like the end-to-end tests; in CI a missing build is a failure. */
function cliBuilt(): boolean {
  if (existsSync(SERVER_ENTRY)) return true;
  if (process.env.CI === 'true') throw new Error(`${SERVER_ENTRY} is missing: run npm run build first.`);
  process.stderr.write(`Skipping the npm run serve recovery tests: ${SERVER_ENTRY} is missing; run npm run build first.\n`);
  return false;
}

const built = cliBuilt();
let base: string;
let dataDir: string;
let databasePath: string;
let serve: ServeProcess | null;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'rehearse-cli-recovery-'));
  dataDir = join(base, 'data');
  databasePath = join(dataDir, 'rehearse.db');
  serve = null;
});

afterEach(async () => {
  await serve?.stop();
  rmSync(base, { recursive: true, force: true });
});

/** Creates a data folder with one answer today and a backup of it. */
async function seedDataFolder(): Promise<void> {
  const seeded = openApp({ dataDir, decksDir: join(process.cwd(), 'decks'), logger: testLogger });
  const step = await seeded.handlers.getStudyStep({ deckId: null });
  const answer = { deckId: null, cardId: step.card!.id, rating: 3, requestId: 'cli-seeded-1', durationMs: 1000 } as const;
  await seeded.handlers.answerCard(answer);
  await seeded.backups.backupNow('on-request');

  // Settings rows make the file span many pages, so truncation cuts real data.
  for (let index = 0; index < 200; index += 1) {
    seeded.context.repositories.settings.set(`padding-${index}`, 'x'.repeat(500));
  }
  seeded.close();
}

async function reviewedToday(running: ServeProcess): Promise<number> {
  const response = await fetch(`${running.origin}/api/getHome`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json()) as { ok: boolean; value: { reviewedToday: number } };
  return body.value.reviewedToday;
}

function filesSetAside(): string[] {
  return readdirSync(dataDir).filter((name) => name.startsWith('rehearse-unreadable-'));
}

const damages = [
  { name: 'truncated file', damage: () => truncateSync(databasePath, Math.floor(statSync(databasePath).size / 3)) },
  {
    name: 'random bytes',
    damage: () => {
      const bytes = Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 2_654_435_761) % 256));
      writeFileSync(databasePath, bytes);
    },
  },
  {
    name: 'newer version',
    damage: () => {
      const db = new Database(databasePath);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    },
  },
];

describe.skipIf(!built).each(damages)('$name at serve start-up', ({ damage }) => {
  it('stops and leaves the file alone', async () => {
    await seedDataFolder();
    damage();
    const damaged = readFileSync(databasePath);

    await expect(startServe(dataDir)).rejects.toThrow(/Rehearse could not start: The data file .*rehearse\.db/);
    expect(readFileSync(databasePath).equals(damaged)).toBe(true);
  }, 60_000);

  it('--restore-latest-backup brings back the answer', async () => {
    await seedDataFolder();
    damage();
    const damaged = readFileSync(databasePath);

    serve = await startServe(dataDir, ['--restore-latest-backup']);

    expect(await reviewedToday(serve)).toBe(1);
    expect(readFileSync(join(dataDir, filesSetAside()[0]!)).equals(damaged)).toBe(true);
  }, 60_000);

  it('--start-fresh keeps the old file', async () => {
    await seedDataFolder();
    damage();
    const damaged = readFileSync(databasePath);

    serve = await startServe(dataDir, ['--start-fresh']);

    expect(await reviewedToday(serve)).toBe(0);
    expect(readFileSync(join(dataDir, filesSetAside()[0]!)).equals(damaged)).toBe(true);
  }, 60_000);
});
