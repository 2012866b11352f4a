import type { StudyStep } from '../../../core/api/views.js';
import { formatDueAt } from '../../format/time.js';

interface DoneViewProps {
  step: StudyStep;
  busy: boolean;
  onHome: () => void;
  onUndo: () => void;
}

function cardsText(count: number): string {
  return count === 1 ? '1 card' : `${count} cards`;
}

/** Shown when this selection has nothing left to study today. */
export function DoneView({ step, busy, onHome, onUndo }: DoneViewProps) {
  return (
    <section className="done" data-testid="done-screen" aria-labelledby="done-heading">
      <h1 id="done-heading">Done for today</h1>
      <p>You reviewed {cardsText(step.reviewedToday)} today.</p>
      <p>
        {step.nextDueAt === null
          ? 'No more cards are scheduled for this selection.'
          : `The next card is due ${formatDueAt(step.nextDueAt)}.`}
      </p>
      <div className="done-actions">
        <button type="button" className="button button-primary" onClick={onHome}>
          Back to Home
        </button>
        {step.canUndo && (
          <button type="button" className="button" disabled={busy} onClick={onUndo} aria-keyshortcuts="Control+Z Meta+Z">
            Undo last answer
          </button>
        )}
      </div>
    </section>
  );
}
