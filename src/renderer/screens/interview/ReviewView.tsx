import type { InterviewSessionView } from '../../../core/api/contract.js';
import { Markdown } from '../../components/Markdown.js';
import { Sources } from '../review/Sources.js';
import type { ReviewDraft } from '../../stores/interview.js';
import { formatDuration, formatPercent, RATING_NAMES } from './format.js';
import { InlineText } from '../../components/InlineText.js';

interface ReviewViewProps {
  session: InterviewSessionView;
  review: ReviewDraft;
  busy: boolean;
  onToggle: (index: number) => void;
  onRate: (rating: 1 | 2 | 3 | 4) => void;
  onConfirm: () => void;
}

const CLOSED_BY = { next: 'answered', skip: 'skipped', expired: 'time ran out' } as const;
const RATINGS = [1, 2, 3, 4] as const;

/**
 * Renders the scoring of one prompt: the key points with those the answer
 * covered ticked, follow-ups, pitfalls, the model answer and the proposed score.
 */
export function ReviewView({ session, review, busy, onToggle, onRate, onConfirm }: ReviewViewProps) {
  const prompt = session.prompts[review.position]!;
  const covered = review.covered.filter(Boolean).length;
  const share = review.covered.length === 0 ? 0 : covered / review.covered.length;

  return (
    <section className="interview-review" aria-labelledby="review-heading">
      <p className="interview-status">
        {session.formatTitle} · Review of prompt {review.position + 1} of {session.prompts.length} ·{' '}
        {prompt.closedBy ? CLOSED_BY[prompt.closedBy] : ''} after {formatDuration(prompt.usedMs)}
      </p>
      <h1 id="review-heading" className="prompt-text">
        <InlineText text={prompt.prompt} />
      </h1>

      <h2>Your answer</h2>
      <blockquote className="given-answer">{prompt.answer.trim() === '' ? <em>No answer typed.</em> : prompt.answer}</blockquote>

      <h2>
        Key points <span className="coverage" data-testid="review-coverage">{covered} of {review.covered.length} covered ({formatPercent(share)})</span>
      </h2>
      <ul className="key-points">
        {prompt.keyPoints.map((point, index) => (
          <li key={index}>
            <label>
              <input type="checkbox" checked={review.covered[index] ?? false} onChange={() => onToggle(index)} />
              <span>{point.point}</span>
            </label>
            <span className="phrases">
              {point.matched ? 'found in your answer · ' : ''}listens for: {point.phrases.join(', ')}
            </span>
          </li>
        ))}
      </ul>

      <h2>Follow-up questions</h2>
      <ul>
        {prompt.followUps.map((text, index) => (
          <li key={index}>
            <Markdown text={text} />
          </li>
        ))}
      </ul>
      <h2>Pitfalls</h2>
      <ul>
        {prompt.pitfalls.map((text, index) => (
          <li key={index}>
            <Markdown text={text} />
          </li>
        ))}
      </ul>
      <details className="model-answer" open>
        <summary>Model answer</summary>
        <Markdown text={prompt.modelAnswer} />
      </details>
      <Sources sources={prompt.sources} />

      <div className="score-row" role="radiogroup" aria-label="Your score">
        {RATINGS.map((rating) => (
          <button
            key={rating}
            type="button"
            role="radio"
            aria-checked={review.rating === rating}
            className={`button rating-button rating-${rating}${review.rating === rating ? ' rating-chosen' : ''}`}
            onClick={() => onRate(rating)}
            aria-keyshortcuts={String(rating)}
          >
            {RATING_NAMES[rating]}
            <kbd className="key-hint" aria-hidden="true">
              {rating}
            </kbd>
          </button>
        ))}
      </div>
      <p className="score-note">
        Proposed from the coverage: under 40% Again, under 70% Hard, under 90% Good, otherwise Easy. The score you confirm
        schedules this prompt.
      </p>
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={onConfirm}
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        Confirm {RATING_NAMES[review.rating]}
        <kbd className="key-hint" aria-hidden="true">
          Ctrl+Enter
        </kbd>
      </button>
    </section>
  );
}
