import { inTransaction } from '../../db/connection.js';
import type { InterviewAnswerRow, InterviewSessionRow } from '../../db/repositories/interviews.js';
import type {
  CardFromPointRequest,
  CloseInterviewPromptRequest,
  InterviewSessionView,
  ReviewMode,
  SaveInterviewAnswerRequest,
  ScoreInterviewPromptRequest,
} from '../api/interview.js';
import { currentMoment, type CoreContext } from '../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { recordAnswer } from '../review/service.js';
import { makeCardFromPoint, type MadeCard } from './myCards.js';
import { matchKeyPoints, proposeRating } from './rubric.js';
import { requireSession } from './sessions.js';
import { nextStep } from './steps.js';
import { sessionView } from './view.js';

function requireAnswer(context: CoreContext, session: InterviewSessionRow, position: number): InterviewAnswerRow {
  const answer = context.repositories.interviews.getAnswer(session.id, position);
  if (!answer) {
    throw new NotFoundError(`Prompt ${position + 1} of interview session "${session.id}" was not found. Reload the session.`);
  }
  return answer;
}

/**
 * Stores the answer as typed so far and the time used, in one row. Returns
 * saved: false, without an error, when the prompt has closed meanwhile or a
 * newer save already arrived: the stored answer is the later one in both cases.
 */
export function saveInterviewAnswer(context: CoreContext, request: SaveInterviewAnswerRequest): { saved: boolean; savedAt: number } {
  const session = requireSession(context, request.sessionId);
  requireAnswer(context, session, request.position);
  const savedAt = context.clock();
  const saved = context.repositories.interviews.saveAnswer({
    sessionId: request.sessionId,
    position: request.position,
    answer: request.text,
    usedMs: request.usedMs,
    revision: request.revision,
    savedAt,
  });
  return { saved, savedAt };
}

/**
 * Closes the prompt in progress (Next, Skip or time out) with its final text,
 * ticks the key points the text covers and proposes a score. Closing a prompt
 * that is already closed returns the session unchanged, so a retry is harmless.
 */
export function closeInterviewPrompt(context: CoreContext, request: CloseInterviewPromptRequest): InterviewSessionView {
  const now = context.clock();
  const session = inTransaction(context.db, () => {
    const current = requireSession(context, request.sessionId);
    const answer = requireAnswer(context, current, request.position);
    if (answer.status === 'closed' || answer.status === 'scored') return current;
    const step = nextStep(context.repositories.interviews.listAnswers(current.id), current.reviewMode as ReviewMode);
    if (step.kind !== 'answer' || step.position !== request.position) {
      const expected = step.kind === 'summary' ? 'none' : `prompt ${step.position + 1}`;
      throw new ConflictError(`Prompt ${request.position + 1} is not the one in progress (${expected} is). Reload the session.`);
    }
    const matches = matchKeyPoints(request.text, answer.keyPoints);
    const matchedPoints = matches.flatMap((match, index) => (match.covered ? [index] : []));
    context.repositories.interviews.closeAnswer({
      sessionId: current.id,
      position: request.position,
      answer: request.text,
      usedMs: request.usedMs,
      revision: request.revision,
      closedBy: request.reason,
      matchedPoints,
      proposedRating: proposeRating(matchedPoints.length, answer.keyPoints.length),
      closedAt: now,
    });
    return current;
  });
  return sessionView(context, session);
}

function assertValidPoints(answer: InterviewAnswerRow, coveredPoints: readonly number[]): void {
  for (const index of coveredPoints) {
    if (index >= answer.keyPoints.length) {
      throw new ValidationError(
        `Key point ${index} does not exist: prompt ${answer.position + 1} has ${answer.keyPoints.length} key points, numbered from 0.`,
      );
    }
  }
}

/**
 * Confirms the score of a closed prompt: records it as an FSRS review marked
 * as coming from an interview and stores the covered points, in one
 * transaction. The last score finishes the session. The same request id sent
 * twice records one review.
 */
export function scoreInterviewPrompt(context: CoreContext, request: ScoreInterviewPromptRequest): InterviewSessionView {
  const moment = currentMoment(context);
  const { interviews, cards } = context.repositories;
  const session = inTransaction(context.db, () => {
    const current = requireSession(context, request.sessionId);
    const answer = requireAnswer(context, current, request.position);
    if (answer.status === 'scored') {
      if (answer.reviewRequestId === request.requestId) return current;
      throw new ConflictError(`Prompt ${request.position + 1} of this session is already scored; its score cannot change.`);
    }
    if (answer.status !== 'closed') {
      throw new ConflictError(`Prompt ${request.position + 1} is still open; close it with Next or Skip before scoring it.`);
    }
    assertValidPoints(answer, request.coveredPoints);

    const card = cards.get(answer.cardId);
    if (card && card.retiredAt === null) {
      recordAnswer(context, moment, {
        cardId: answer.cardId,
        rating: request.rating,
        requestId: request.requestId,
        durationMs: answer.usedMs,
        source: 'interview',
      });
    } else {
      context.logger.warn('scored a retired prompt without a review', { cardId: answer.cardId, sessionId: current.id });
    }
    interviews.scoreAnswer({
      sessionId: current.id,
      position: request.position,
      coveredPoints: [...new Set(request.coveredPoints)].sort((a, b) => a - b),
      rating: request.rating,
      requestId: request.requestId,
      scoredAt: moment.now,
    });
    const done = interviews.listAnswers(current.id).every((row) => row.status === 'scored');
    if (done) interviews.finishSession(current.id, moment.now);
    return done ? requireSession(context, current.id) : current;
  });
  return sessionView(context, session);
}

/** Makes a flashcard in "My cards" from one key point of a closed or scored prompt. */
export function createCardFromPoint(context: CoreContext, request: CardFromPointRequest): MadeCard {
  const session = requireSession(context, request.sessionId);
  const answer = requireAnswer(context, session, request.position);
  if (answer.status !== 'closed' && answer.status !== 'scored') {
    throw new ConflictError(`Prompt ${request.position + 1} is still open; finish it before making cards from its key points.`);
  }
  if (request.pointIndex >= answer.keyPoints.length) {
    throw new ValidationError(
      `Key point ${request.pointIndex} does not exist: prompt ${answer.position + 1} has ${answer.keyPoints.length} key points, numbered from 0.`,
    );
  }
  return makeCardFromPoint(context, answer, request.pointIndex, context.clock());
}
