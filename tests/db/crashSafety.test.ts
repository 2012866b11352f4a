import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import DatabaseConstructor from 'better-sqlite3';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';

const KILLS = 20;
let handle: TempApp;

beforeAll(() => {
  handle = openTempApp({ decks: { 'crash.yaml': basicDeckYaml('crash', 50) }, start: Date.now() });
  handle.app.close();
});
afterAll(() => handle.cleanup());

/** Seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Runs the worker, kills it with SIGKILL after it has acknowledged some answers, and returns the acknowledged ids. */
function runAndKill(round: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/db/fixtures/crashWorker.ts', handle.dataDir, handle.decksDir, `round${round}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('ACK ')) acknowledged.push(line.slice(4));
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`worker exited with ${code}: ${stderr}`));
      else resolve(acknowledged);
    });
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs with every acknowledged answer kept`, async () => {
    const next = random(20_261_204);
    let total = 0;
    for (let round = 0; round < KILLS; round += 1) {
      const acknowledged = await runAndKill(round, Math.floor(next() * 150));
      total += acknowledged.length;
      const db = new DatabaseConstructor(join(handle.dataDir, 'rehearse.db'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = db.prepare('SELECT 1 FROM review_log WHERE request_id = ?');
      const missing = acknowledged.filter((requestId) => present.get(requestId) === undefined);
      expect(missing).toEqual([]);
      const orphans = db.prepare('SELECT COUNT(*) AS n FROM review_log r JOIN card_state s ON s.card_id = r.card_id WHERE r.id = (SELECT MAX(id) FROM review_log WHERE card_id = r.card_id) AND s.reps != r.after_reps').get() as { n: number };
      expect(orphans.n).toBe(0);
      db.close();
    }
    expect(total).toBeGreaterThan(KILLS);
  }, 180_000);
});
