import type { InterviewAnswerRow } from '../../db/repositories/interviews.js';
import type { InterviewSummaryView, MissedPointView } from '../api/interview.js';
import type { Family } from '../decks/schema.js';
import { coverage } from './rubric.js';

export interface SummaryInput {
  answers: readonly InterviewAnswerRow[];
  familyOf: (cardId: string) => Family;
  /** Times each key point of a prompt was missed across all scored sessions, by point text. */
  missedCounts: (cardId: string) => Map<string, number>;
  /** The flashcard already made from a point, if any. */
  cardMadeFrom: (promptCardId: string, point: string) => string | null;
}

/** Confirmed coverage of a scored answer, from 0 to 1. */
export function answerCoverage(answer: Pick<InterviewAnswerRow, 'coveredPoints' | 'keyPoints'>): number {
  return coverage(answer.coveredPoints?.length ?? 0, answer.keyPoints.length);
}

/**
 * Summarises a session whose prompts are all scored: time used, coverage per
 * family with the weakest first, and the points missed, those missed most
 * often across sessions first.
 */
export function summarise(input: SummaryInput): InterviewSummaryView {
  const { answers } = input;
  const usedMs = answers.reduce((total, answer) => total + answer.usedMs, 0);
  const limitMs = answers.reduce((total, answer) => total + answer.timeLimitMs, 0);
  const coverages = answers.map(answerCoverage);
  const meanCoverage = coverages.length === 0 ? 0 : coverages.reduce((a, b) => a + b, 0) / coverages.length;

  const families = familyScores(answers, coverages, input.familyOf);
  return {
    usedMs,
    limitMs,
    meanCoverage,
    missedPoints: missedPoints(input),
    families,
    weakestFamily: families[0] ?? null,
  };
}

function familyScores(answers: readonly InterviewAnswerRow[], coverages: number[], familyOf: (cardId: string) => Family) {
  const totals = new Map<Family, { sum: number; prompts: number }>();
  answers.forEach((answer, index) => {
    const family = familyOf(answer.cardId);
    const entry = totals.get(family) ?? { sum: 0, prompts: 0 };
    entry.sum += coverages[index]!;
    entry.prompts += 1;
    totals.set(family, entry);
  });
  // Weakest first; among equal coverage the family with more prompts is the clearer signal.
  return [...totals.entries()]
    .map(([family, entry]) => ({ family, prompts: entry.prompts, coverage: entry.sum / entry.prompts }))
    .sort((a, b) => a.coverage - b.coverage || b.prompts - a.prompts || a.family.localeCompare(b.family));
}

function missedPoints(input: SummaryInput): MissedPointView[] {
  const missed: MissedPointView[] = [];
  for (const answer of input.answers) {
    const covered = new Set(answer.coveredPoints ?? []);
    const counts = input.missedCounts(answer.cardId);
    answer.keyPoints.forEach((keyPoint, pointIndex) => {
      if (covered.has(pointIndex)) return;
      missed.push({
        position: answer.position,
        pointIndex,
        point: keyPoint.point,
        prompt: answer.prompt,
        family: input.familyOf(answer.cardId),
        timesMissed: Math.max(1, counts.get(keyPoint.point) ?? 0),
        cardId: input.cardMadeFrom(answer.cardId, keyPoint.point),
      });
    });
  }
  return missed.sort((a, b) => b.timesMissed - a.timesMissed || a.position - b.position || a.pointIndex - b.pointIndex);
}
