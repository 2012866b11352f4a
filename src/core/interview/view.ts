import type { InterviewAnswerRow, InterviewSessionRow } from '../../db/repositories/interviews.js';
import type { HistoryEntryView, InterviewPromptView, InterviewSessionView, ReviewMode } from '../api/interview.js';
import type { CoreContext } from '../context.js';
import type { CardContent, Family } from '../decks/schema.js';
import type { RatingValue } from '../scheduling/fsrs.js';
import { FORMATS, type InterviewFormat } from './formats.js';
import { cardIdForPoint } from './myCards.js';
import { nextStep } from './steps.js';
import { answerCoverage, summarise } from './summary.js';
import { coverage } from './rubric.js';

interface CardInfo {
  family: Family;
  deckTitle: string;
  content: CardContent | null;
}

function cardInfo(context: CoreContext, cardId: string): CardInfo {
  const card = context.repositories.cards.get(cardId);
  if (!card) return { family: 'system-design', deckTitle: '', content: null };
  const deck = context.repositories.decks.get(card.deckId);
  return { family: card.family as Family, deckTitle: deck?.title ?? card.deckId, content: JSON.parse(card.content) as CardContent };
}

function madeCardId(context: CoreContext, promptCardId: string, point: string): string | null {
  const id = cardIdForPoint(promptCardId, point);
  return context.repositories.cards.get(id) ? id : null;
}

function promptView(context: CoreContext, answer: InterviewAnswerRow, info: CardInfo): InterviewPromptView {
  const interview = info.content?.kind === 'interview' ? info.content : null;
  const matched = new Set(answer.matchedPoints ?? []);
  const covered = answer.coveredPoints === null ? null : new Set(answer.coveredPoints);
  let shownCoverage: number | null = null;
  if (answer.status === 'scored') shownCoverage = answerCoverage(answer);
  else if (answer.status === 'closed') shownCoverage = coverage(matched.size, answer.keyPoints.length);
  return {
    position: answer.position,
    cardId: answer.cardId,
    deckTitle: info.deckTitle,
    family: info.family,
    prompt: answer.prompt,
    timeLimitMs: answer.timeLimitMs,
    usedMs: answer.usedMs,
    answer: answer.answer,
    revision: answer.revision,
    status: answer.status,
    closedBy: answer.closedBy,
    keyPoints: answer.keyPoints.map((keyPoint, index) => ({
      point: keyPoint.point,
      phrases: keyPoint.phrases,
      matched: matched.has(index),
      covered: covered === null ? null : covered.has(index),
      cardId: madeCardId(context, answer.cardId, keyPoint.point),
    })),
    followUps: interview?.followUps ?? [],
    pitfalls: interview?.pitfalls ?? [],
    modelAnswer: interview?.modelAnswer ?? '',
    sources: info.content?.sources ?? [],
    coverage: shownCoverage,
    proposedRating: answer.proposedRating as RatingValue | null,
    rating: answer.rating as RatingValue | null,
  };
}

/** Builds the session as the renderer shows it: prompts, the next step and, once all are scored, the summary. */
export function sessionView(context: CoreContext, session: InterviewSessionRow): InterviewSessionView {
  const answers = context.repositories.interviews.listAnswers(session.id);
  const infos = new Map(answers.map((answer) => [answer.cardId, cardInfo(context, answer.cardId)]));
  const reviewMode = session.reviewMode as ReviewMode;
  const step = nextStep(answers, reviewMode);
  const format = session.format as InterviewFormat;
  const summary =
    step.kind === 'summary'
      ? summarise({
          answers,
          familyOf: (cardId) => infos.get(cardId)!.family,
          missedCounts: (cardId) => context.repositories.interviews.missedCounts(cardId),
          cardMadeFrom: (cardId, point) => madeCardId(context, cardId, point),
        })
      : null;
  return {
    id: session.id,
    format,
    formatTitle: FORMATS[format].title,
    status: session.status,
    reviewMode,
    seed: session.seed,
    replayOf: session.replayOf,
    startedAt: session.startedAt,
    finishedAt: session.finishedAt,
    requested: session.requested,
    phases: FORMATS[format].phases,
    prompts: answers.map((answer) => promptView(context, answer, infos.get(answer.cardId)!)),
    step,
    summary,
  };
}

/** Shapes one row of the history list for the renderer. */
export function historyEntry(row: Omit<HistoryEntryView, 'formatTitle' | 'format'> & { format: string }): HistoryEntryView {
  const format = row.format as InterviewFormat;
  return { ...row, format, formatTitle: FORMATS[format].title };
}
