// Fills a data folder with months of realistic study history for screenshots and the sample report:
//   npx tsx scripts/demo-data.ts --data-dir /tmp/rehearse-demo [--days 150] [--seed 7] [--until 2026-12-04]
//     [--report docs/sample-report.html]
// Every answer goes through the real scheduler and queue; a seeded simulated learner picks the ratings,
// so the same seed and end date always give the same history.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { contract } from '../src/core/api/contract.js';
import { openApp, type App } from '../src/core/app.js';
import { currentMoment } from '../src/core/context.js';
import { openExport } from '../src/core/export/index.js';
import { writeExportFile } from '../src/core/export/writeFile.js';
import { seededRandom } from '../src/core/interview/random.js';
import { getStudyStep, recordAnswer } from '../src/core/review/service.js';
import { configureLogging, rootLogger } from '../src/log/logger.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface DemoOptions {
  dataDir: string;
  days: number;
  seed: number;
  until: number;
  /** Path of the HTML report to write at the end, or null for none. */
  report: string | null;
}

function readOptions(): DemoOptions {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      days: { type: 'string', default: '150' },
      seed: { type: 'string', default: '7' },
      until: { type: 'string' },
      report: { type: 'string' },
    },
  });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('Missing --data-dir: give an empty folder to fill with demo history.');
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 1000) {
    throw new Error(`Invalid --days "${values.days}": give a whole number from 1 to 1000.`);
  }
  const until = values.until ? Date.parse(`${values.until}T20:00:00Z`) : Date.now();
  if (Number.isNaN(until)) throw new Error(`Invalid --until "${values.until}": write a date as YYYY-MM-DD.`);
  return { dataDir, days, seed: Number(values.seed), until, report: values.report ?? null };
}

// How much harder than FSRS predicts each family is for the simulated learner: recall is R raised to this power.
const FAMILY_HARDNESS: Record<string, number> = {
  'system-design': 1.9,
  'monitoring-and-retraining': 1.4,
  'deployment-and-serving': 1.1,
  'data-and-experiments': 0.9,
  behavioural: 0.6,
};

/**
 * Picks a rating as a learner would who recalls about as FSRS predicts, worse
 * in hard families, and improves with practice.
 */
function pickRating(random: () => number, recall: number | null, skill: number): 1 | 2 | 3 | 4 {
  const roll = random();
  if (recall === null) {
    // A card seen for the first time.
    if (roll < 0.22 - skill * 0.08) return 1;
    if (roll < 0.4) return 2;
    return roll < 0.9 ? 3 : 4;
  }
  if (roll > Math.min(0.98, recall + skill * 0.04)) return 1;
  const pass = random();
  if (pass < 0.12) return 2;
  return pass < 0.85 ? 3 : 4;
}

/** Answers cards of the given decks (all decks when null) until the queue is empty or the time is up. */
function studySession(
  app: App,
  clock: { now: number },
  random: () => number,
  skill: number,
  budgetMs: number,
  counter: { next: number },
  deckIds: (string | null)[],
): number {
  const context = app.context;
  const end = clock.now + budgetMs;
  let answers = 0;
  let deckIndex = 0;
  while (clock.now < end && deckIndex < deckIds.length) {
    const step = getStudyStep(context, deckIds[deckIndex]!);
    if (!step.card) {
      deckIndex += 1;
      continue;
    }
    const moment = currentMoment(context);
    const state = context.repositories.states.get(step.card.id)!;
    const hardness = FAMILY_HARDNESS[step.card.family] ?? 1;
    const recall = state.state === 0 ? null : moment.scheduler.retrievability(state, moment.now) ** hardness;
    const durationMs = Math.round(3500 + random() * 9000 + (random() < 0.1 ? random() * 30_000 : 0));
    counter.next += 1;
    recordAnswer(context, moment, {
      cardId: step.card.id,
      rating: pickRating(random, recall, skill),
      requestId: `demo-${counter.next}`,
      durationMs,
      source: 'review',
    });
    clock.now += durationMs + 1500;
    answers += 1;
  }
  return answers;
}

/** Rates a prompt the way a self-scoring user would: by the share of key points covered. */
function ratingForCoverage(coverage: number): 1 | 2 | 3 | 4 {
  if (coverage < 0.35) return 1;
  if (coverage < 0.6) return 2;
  if (coverage < 0.95) return 3;
  return 4;
}

function mockInterview(
  app: App,
  clock: { now: number },
  random: () => number,
  skill: number,
  counter: { next: number },
): void {
  const handlers = app.handlers;
  // Requests pass through the contract's schemas so their defaults apply, as they do over IPC and HTTP.
  const start = contract.startInterview.request.parse({ format: 'rapid', seed: Math.floor(random() * 1e9) });
  let session = handlers.startInterview(start) as Awaited<ReturnType<typeof handlers.getInterviewSession>>;
  for (const prompt of session.prompts) {
    const usedMs = Math.round(Math.min(prompt.timeLimitMs, 40_000 + random() * 80_000));
    clock.now += usedMs;
    const { position } = prompt;
    const close = { sessionId: session.id, position, text: 'Practice answer.', usedMs, revision: 1, reason: 'next' as const };
    session = handlers.closeInterviewPrompt(close) as typeof session;
    const share = Math.min(1, 0.3 + skill * 0.5 + random() * 0.3);
    const covered = prompt.keyPoints.flatMap((_, index) => (random() < share ? [index] : []));
    const coverage = prompt.keyPoints.length === 0 ? 1 : covered.length / prompt.keyPoints.length;
    const rating = ratingForCoverage(coverage);
    counter.next += 1;
    const requestId = `demo-interview-${counter.next}`;
    const score = { sessionId: session.id, position, coveredPoints: covered, rating, requestId };
    session = handlers.scoreInterviewPrompt(score) as typeof session;
    clock.now += 30_000;
  }
}

/** Simulates `options.days` days of study into an empty data folder, and writes the report when asked. */
export async function writeDemoHistory(options: DemoOptions): Promise<void> {
  const random = seededRandom(options.seed);
  const firstDay = Math.floor(options.until / DAY) - options.days + 1;
  const clock = { now: firstDay * DAY };
  const app = openApp({
    dataDir: options.dataDir,
    decksDir: fileURLToPath(new URL('../decks', import.meta.url)),
    logger: rootLogger,
    clock: () => clock.now,
  });
  try {
    const progress = app.context.repositories.exports.progress();
    if (progress.answers > 0 || progress.sessions > 0) {
      throw new Error(`The data folder ${options.dataDir} already contains progress; give an empty folder.`);
    }
    app.handlers.updateSettings({ newPerDay: 12 });
    const counter = { next: 0 };
    const focusDecks = app.context.repositories.decks
      .list()
      .filter((deck) => deck.family !== 'system-design')
      .map((deck) => deck.id);
    let total = 0;
    for (let index = 0; index < options.days; index += 1) {
      const day = firstDay + index;
      const skill = index / options.days;
      const weekend = (day + 3) % 7 >= 5;
      // A ten-day break about two thirds of the way in lets cards go overdue, as real holidays do.
      const onBreak = index >= Math.floor(options.days * 0.62) && index < Math.floor(options.days * 0.62) + 10;
      if ((onBreak || random() < (weekend ? 0.35 : 0.12)) && index < options.days - 1) continue;
      // Morning or evening session in local time; the last day stops before `until`.
      clock.now = day * DAY + (random() < 0.5 ? 7.5 : 19) * 3_600_000 + Math.floor(random() * 50) * MINUTE;
      if (clock.now > options.until) clock.now = options.until - 40 * MINUTE;
      // In the last forty days the learner neglects system design, so its cards go overdue.
      const decks = index >= options.days - 40 ? focusDecks : [null];
      total += studySession(app, clock, random, skill, (8 + random() * 22) * MINUTE, counter, decks);
      if (index % 6 === 3) {
        try {
          mockInterview(app, clock, random, skill, counter);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          process.stderr.write(`Skipped a mock interview on day ${index}: ${message}\n`);
        }
      }
    }
    process.stdout.write(`Wrote ${total} flashcard answers over ${options.days} days into ${options.dataDir}.\n`);
    if (options.report) {
      clock.now = options.until;
      await writeExportFile(resolve(options.report), openExport(app.context, 'html'));
      process.stdout.write(`Wrote the report to ${options.report}.\n`);
    }
  } finally {
    app.close();
  }
}

// Runs only as a script, so tests and the screenshot script can import writeDemoHistory.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  configureLogging({ level: 'warn' });
  await writeDemoHistory(readOptions());
}
