import type { InterviewAnswerRow } from '../../db/repositories/interviews.js';
import type { InterviewStep, ReviewMode } from '../api/interview.js';

/**
 * Returns the step the session shows next. Reviewing after each prompt scores
 * a closed prompt before the next one starts. Reviewing at the end runs every
 * prompt first, as in a real interview, and scores them afterwards.
 */
export function nextStep(answers: readonly Pick<InterviewAnswerRow, 'position' | 'status'>[], mode: ReviewMode): InterviewStep {
  const open = answers.find((answer) => answer.status === 'pending' || answer.status === 'answering');
  const closed = answers.find((answer) => answer.status === 'closed');
  if (mode === 'each') {
    if (closed) return { kind: 'review', position: closed.position };
    if (open) return { kind: 'answer', position: open.position };
  } else {
    if (open) return { kind: 'answer', position: open.position };
    if (closed) return { kind: 'review', position: closed.position };
  }
  return { kind: 'summary' };
}
