import { randomInt, randomUUID } from 'node:crypto';
import { inTransaction } from '../../db/connection.js';
import type { InterviewSessionRow } from '../../db/repositories/interviews.js';
import type { InterviewSessionView, StartInterviewRequest } from '../api/interview.js';
import { currentMoment, type CoreContext } from '../context.js';
import type { CardContent } from '../decks/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { loadCandidates } from './candidates.js';
import { FORMATS, type CustomOptions } from './formats.js';
import { planSession, type PlannedPrompt } from './planning.js';
import { sessionView } from './view.js';

/** Loads a session or throws NotFoundError naming its id. */
export function requireSession(context: CoreContext, sessionId: string): InterviewSessionRow {
  const session = context.repositories.interviews.getSession(sessionId);
  if (!session) throw new NotFoundError(`Interview session "${sessionId}" was not found. Open it again from History.`);
  return session;
}

function assertNoActiveSession(context: CoreContext): void {
  const active = context.repositories.interviews.findActive();
  if (active) {
    throw new ConflictError(
      `An interview started at ${new Date(active.startedAt).toISOString()} is unfinished (session "${active.id}"). Resume or discard it before starting another.`,
    );
  }
}

function assertDecksExist(context: CoreContext, deckIds: readonly string[]): void {
  for (const deckId of deckIds) {
    if (!context.repositories.decks.get(deckId)) {
      throw new ValidationError(`Deck "${deckId}" was not found. Choose one of the decks listed in the interview setup.`);
    }
  }
}

function emptyPlanMessage(request: StartInterviewRequest, topicDeckId: string | null): string {
  const definition = FORMATS[request.format];
  if (request.format === 'custom') {
    return 'No interview prompts match the chosen families and decks. Choose more families or decks, or leave them empty to use all.';
  }
  if (definition.oneTopic && topicDeckId !== null) {
    return `Deck "${topicDeckId}" has no ${definition.style} prompts. Choose another topic for the ${definition.title}.`;
  }
  return `No interview prompts of style "${definition.style}" are available for ${definition.title}. Add a deck with such prompts, or choose another format.`;
}

interface NewSession {
  format: InterviewSessionRow['format'];
  options: object;
  seed: number;
  reviewMode: InterviewSessionRow['reviewMode'];
  replayOf: string | null;
  requested: number;
  prompts: PlannedPrompt[];
}

/** Writes a session and one answer row per prompt in one transaction, copying each prompt's text and key points. */
function insertSession(context: CoreContext, now: number, plan: NewSession): InterviewSessionRow {
  const { interviews, cards } = context.repositories;
  const row: InterviewSessionRow = {
    id: randomUUID(),
    format: plan.format,
    options: JSON.stringify(plan.options),
    seed: plan.seed,
    reviewMode: plan.reviewMode,
    replayOf: plan.replayOf,
    requested: plan.requested,
    status: 'active',
    startedAt: now,
    finishedAt: null,
  };
  inTransaction(context.db, () => {
    assertNoActiveSession(context);
    interviews.insertSession(row);
    plan.prompts.forEach((prompt, position) => {
      const content = JSON.parse(cards.get(prompt.cardId)!.content) as CardContent;
      if (content.kind !== 'interview') throw new ValidationError(`Card "${prompt.cardId}" is not an interview prompt.`);
      interviews.insertAnswer({
        sessionId: row.id,
        position,
        cardId: prompt.cardId,
        prompt: content.prompt,
        keyPoints: content.keyPoints,
        timeLimitMs: prompt.timeLimitMs,
      });
    });
  });
  context.logger.info('interview started', { sessionId: row.id, format: row.format, prompts: plan.prompts.length });
  return row;
}

/** Plans a session by need for the chosen format and stores it. */
export function startInterview(context: CoreContext, request: StartInterviewRequest): InterviewSessionView {
  assertNoActiveSession(context);
  const custom: CustomOptions | null = request.format === 'custom' ? request.custom : null;
  assertDecksExist(context, [...(custom?.deckIds ?? []), ...(request.topicDeckId ? [request.topicDeckId] : [])]);
  const moment = currentMoment(context);
  const seed = request.seed ?? randomInt(0, 2 ** 32 - 1);
  const plan = planSession(loadCandidates(context, moment), {
    format: request.format,
    topicDeckId: request.topicDeckId,
    custom,
    seed,
    dueCutoff: moment.dayEnd,
  });
  if (plan.prompts.length === 0) throw new ValidationError(emptyPlanMessage(request, plan.topicDeckId));
  const row = insertSession(context, moment.now, {
    format: request.format,
    options: { topicDeckId: plan.topicDeckId, custom },
    seed,
    reviewMode: request.reviewMode,
    replayOf: null,
    requested: plan.requested,
    prompts: plan.prompts,
  });
  return sessionView(context, row);
}

/**
 * Starts a new session with the prompts of a past one, in the same order and
 * with the same time limits. Prompts retired since are left out.
 */
export function replayInterview(context: CoreContext, sessionId: string): InterviewSessionView {
  const original = requireSession(context, sessionId);
  assertNoActiveSession(context);
  const prompts = context.repositories.interviews
    .listAnswers(original.id)
    .filter((answer) => context.repositories.cards.get(answer.cardId)?.retiredAt === null)
    .map((answer) => ({ cardId: answer.cardId, timeLimitMs: answer.timeLimitMs }));
  if (prompts.length === 0) {
    throw new ValidationError(`Session "${sessionId}" cannot be replayed: all of its prompts were removed from the decks.`);
  }
  const row = insertSession(context, context.clock(), {
    format: original.format,
    options: JSON.parse(original.options) as object,
    seed: original.seed,
    reviewMode: original.reviewMode,
    replayOf: original.id,
    requested: prompts.length,
    prompts,
  });
  return sessionView(context, row);
}

export function getInterviewSession(context: CoreContext, sessionId: string): InterviewSessionView {
  return sessionView(context, requireSession(context, sessionId));
}

/**
 * Deletes an unfinished session with its answers. Scores already confirmed
 * stay in the review log, because they were real reviews that moved the schedule.
 */
export function discardInterview(context: CoreContext, sessionId: string): { discarded: string } {
  inTransaction(context.db, () => {
    const session = requireSession(context, sessionId);
    if (session.status !== 'active') {
      throw new ConflictError(`Session "${sessionId}" is finished and stays in History; only an unfinished session can be discarded.`);
    }
    context.repositories.interviews.deleteSession(sessionId);
  });
  context.logger.info('interview discarded', { sessionId });
  return { discarded: sessionId };
}
