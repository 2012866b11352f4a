import { randomUUID } from 'node:crypto';
import { fsrs, GenSeedStrategyWithCardId, StrategyMode, type Card, type Grade, type StepUnit } from 'ts-fsrs';
import { dispatch } from '../../src/core/api/dispatch.js';
import type { App } from '../../src/core/app.js';
import { currentMoment, type Moment } from '../../src/core/context.js';
import { recordAnswer } from '../../src/core/review/service.js';
import type { RatingValue } from '../../src/core/scheduling/fsrs.js';
import { inTransaction } from '../../src/db/connection.js';
import { stateColumns } from '../../src/db/repositories/memoryState.js';
import type { MemoryStateRow, ReviewLogRow } from '../../src/db/repositories/types.js';
import { createLogger } from '../../src/log/logger.js';
import type { FixtureManifest } from '../fixture/manifest.js';
import { createRandom, type Random } from '../fixture/random.js';
import { summarize, type Sample } from '../lib/sample.js';

export interface AnswerFigures {
  /** recordAnswer alone: read state, FSRS, write state, append the log row, commit. */
  answerMs: Sample;
  /** The bare cost: ts-fsrs `next` plus one committed insert of the same row. */
  bareMs: Sample;
  /** answerMs over bareMs, one ratio of medians per round. */
  answerRatio: Sample;
  /** The answerCard API method: the answer plus building the next study step. */
  answerApiMs: Sample;
}

const logger = createLogger('bench');

function ratingOf(random: Random): RatingValue {
  const draw = random.next();
  if (draw < 0.15) return 1;
  if (draw < 0.25) return 2;
  if (draw < 0.9) return 3;
  return 4;
}

/** Builds the ts-fsrs configuration the adapter builds, for calling ts-fsrs directly in the baseline. */
function bareEngine(moment: Moment) {
  const { settings } = moment;
  return fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: settings.learningSteps as StepUnit[],
    relearning_steps: settings.relearningSteps as StepUnit[],
  }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('card_id'));
}

function tsCard(cardId: string, state: MemoryStateRow): Card & { card_id: string } {
  return {
    card_id: cardId,
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    ...(state.lastReview === null ? {} : { last_review: new Date(state.lastReview) }),
  };
}

function stateValues(state: MemoryStateRow): (number | null)[] {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses } = state;
  return [due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state.state, state.lastReview];
}

function rowValues(row: ReviewLogRow, requestId: string): (number | string | null)[] {
  const meta = [requestId, row.cardId, row.rating, row.reviewedAt, row.durationMs, row.studyDay, row.source];
  return [...meta, ...stateValues(row.before), ...stateValues(row.after)];
}

/**
 * Takes back the answers of a round, newest first, the way undo does (restore
 * the stored state, delete the row), so the fixture is unchanged afterwards.
 */
function takeBack(app: App, moment: Moment, requestIds: string[], bareRowIds: number[]): void {
  const reviews = app.context.repositories.reviews;
  inTransaction(app.db, () => {
    for (const id of bareRowIds) reviews.delete(id);
    for (const requestId of [...requestIds].reverse()) {
      const latest = reviews.latestOfDay(moment.studyDay, 'review');
      if (latest?.requestId !== requestId) throw new Error(`Cleanup failed: answer ${requestId} should be the latest of the day, found ${latest?.requestId}.`);
      app.context.repositories.states.put(latest.cardId, latest.before);
      reviews.delete(latest.id);
    }
  });
}

/**
 * Answers sample cards in rounds; after each answer, runs the bare baseline on
 * the same row, so both see the same table size, cache and WAL state.
 */
export async function measureAnswers(app: App, manifest: FixtureManifest, rounds: number, perRound: number): Promise<AnswerFigures> {
  const moment = currentMoment(app.context);
  const engine = bareEngine(moment);
  const columns = `request_id, card_id, rating, reviewed_at, duration_ms, study_day, source, ${stateColumns('before_')}, ${stateColumns('after_')}`;
  const insert = app.db.prepare(`INSERT INTO review_log (${columns}) VALUES (${columns.split(', ').map(() => '?').join(', ')})`);
  const random = createRandom(manifest.seed);
  const answerTimes: number[] = [];
  const bareTimes: number[] = [];
  const ratios: number[] = [];
  let next = 0;

  for (let round = 0; round < rounds; round += 1) {
    const roundAnswers: number[] = [];
    const roundBare: number[] = [];
    const requestIds: string[] = [];
    const bareRowIds: number[] = [];
    for (let index = 0; index < perRound; index += 1) {
      const cardId = manifest.sampleCardIds[next % manifest.sampleCardIds.length]!;
      next += 1;
      const rating = ratingOf(random);
      const requestId = randomUUID();
      const input = { cardId, rating, requestId, durationMs: 6000, source: 'review' as const };
      let started = performance.now();
      recordAnswer(app.context, moment, input);
      roundAnswers.push(performance.now() - started);
      requestIds.push(requestId);

      const row = app.context.repositories.reviews.findByRequestId(requestId)!;
      const card = tsCard(cardId, row.before);
      const reviewTime = new Date(Math.max(moment.now, row.before.lastReview ?? moment.now));
      const values = rowValues(row, randomUUID());
      started = performance.now();
      engine.next(card, reviewTime, rating as Grade);
      const result = app.db.transaction(() => insert.run(...values)).immediate();
      roundBare.push(performance.now() - started);
      bareRowIds.push(Number(result.lastInsertRowid));
    }
    takeBack(app, moment, requestIds, bareRowIds);
    answerTimes.push(...roundAnswers);
    bareTimes.push(...roundBare);
    ratios.push(summarize(roundAnswers).median / summarize(roundBare).median);
  }

  return {
    answerMs: summarize(answerTimes),
    bareMs: summarize(bareTimes),
    answerRatio: summarize(ratios),
    answerApiMs: await measureAnswerApi(app, manifest, moment, perRound),
  };
}

/** Times answerCard through dispatch(): the answer and the next study step the screen shows. */
async function measureAnswerApi(app: App, manifest: FixtureManifest, moment: Moment, count: number): Promise<Sample> {
  const times: number[] = [];
  const requestIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const requestId = randomUUID();
    const payload = { deckId: null, cardId: manifest.sampleCardIds[index]!, rating: 3, requestId, durationMs: 6000 };
    const started = performance.now();
    const result = await dispatch(app.handlers, 'answerCard', payload, logger);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`answerCard failed during the benchmark: ${result.error.message}`);
    requestIds.push(requestId);
  }
  takeBack(app, moment, requestIds, []);
  return summarize(times);
}
