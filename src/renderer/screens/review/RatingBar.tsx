import type { RatingChoice } from '../../../core/api/views.js';

interface RatingBarProps {
  choices: RatingChoice[];
  busy: boolean;
  onRate: (rating: RatingChoice['rating']) => void;
}

/**
 * The four rating buttons. Each accessible name is the label and then the
 * interval it applies ("Again 1m"), because the key hint is hidden from it.
 */
export function RatingBar({ choices, busy, onRate }: RatingBarProps) {
  return (
    <div className="rating-bar" role="group" aria-label="Rate your recall" aria-busy={busy}>
      {choices.map((choice) => (
        <button
          key={choice.rating}
          type="button"
          className={`button rating-button rating-${choice.rating}`}
          disabled={busy}
          aria-keyshortcuts={String(choice.rating)}
          onClick={() => onRate(choice.rating)}
        >
          <span className="rating-label">{choice.label}</span>{' '}
          <span className="rating-interval">{choice.intervalText}</span>
          <kbd className="key-hint" aria-hidden="true">
            {choice.rating}
          </kbd>
        </button>
      ))}
    </div>
  );
}
