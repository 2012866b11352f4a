import { useEffect, useRef } from 'react';
import { Loading } from '../../components/Loading.js';
import { FAMILY_TITLES } from '../../format/families.js';
import { useNavigation } from '../../stores/navigation.js';
import { useReviewStore } from '../../stores/review.js';
import '../../styles/review.css';
import { CardBack, CardFront } from './CardFaces.js';
import { DoneView } from './DoneView.js';
import { RatingBar } from './RatingBar.js';
import { RemainingCounts } from './RemainingCounts.js';
import { useReviewKeys } from './useReviewKeys.js';

/** The daily review: one card at a time, Space to reveal, 1–4 to rate, Ctrl+Z to undo. */
export function ReviewScreen() {
  const { step, revealed, busy, deckId } = useReviewStore();
  const { start, reveal, answer, undo } = useReviewStore.getState();
  const go = useNavigation((state) => state.go);
  const showAnswerRef = useRef<HTMLButtonElement>(null);
  useReviewKeys();

  // Each new card puts focus on "Show answer", so Space or Enter reveals it
  // even when the mouse last clicked a navigation button.
  const cardId = step?.card?.id;
  useEffect(() => {
    if (cardId !== undefined && !revealed) showAnswerRef.current?.focus({ preventScroll: true });
  }, [cardId, revealed]);

  useEffect(() => {
    // Opened from the navigation bar: start a session over all decks, or
    // look again after a finished one, since more cards may be due by now.
    const review = useReviewStore.getState();
    const finished = review.step !== null && review.step.card === null;
    if ((review.step === null || finished) && !review.busy) void review.start(review.deckId);
  }, []);

  if (step === null) {
    return busy ? (
      <Loading what="the next card" />
    ) : (
      <div className="review-empty">
        <p>The next card could not be loaded.</p>
        <button type="button" className="button" onClick={() => void start(deckId)}>
          Try again
        </button>
      </div>
    );
  }

  const card = step.card;
  if (card === null) return <DoneView step={step} busy={busy} onHome={() => go('home')} onUndo={() => void undo()} />;

  return (
    <div className="review">
      <h1 className="visually-hidden">Review</h1>
      <div className="review-header">
        <p className="review-context">
          <span className="deck-label">{card.deckTitle}</span>
          <span className="badge family-badge">{FAMILY_TITLES[card.family]}</span>
        </p>
        <RemainingCounts remaining={step.remaining} cardState={card.state} />
        <button
          type="button"
          className="button button-quiet"
          disabled={!step.canUndo || busy}
          onClick={() => void undo()}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          Undo
        </button>
      </div>

      <CardFront card={card} />
      {revealed && <CardBack card={card} />}

      <div className="review-actions">
        {revealed ? (
          <RatingBar choices={step.choices} busy={busy} onRate={(rating) => void answer(rating)} />
        ) : (
          <button
            ref={showAnswerRef}
            type="button"
            className="button button-primary show-answer"
            onClick={reveal}
            aria-keyshortcuts="Space"
          >
            Show answer
            <kbd className="key-hint" aria-hidden="true">
              Space
            </kbd>
          </button>
        )}
      </div>
    </div>
  );
}

export default ReviewScreen;
