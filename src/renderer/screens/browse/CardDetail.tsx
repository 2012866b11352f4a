import { useEffect, useRef } from 'react';
import type { BrowseCardDetail } from '../../../core/api/contract.js';
import { FAMILY_TITLES } from '../../format/families.js';
import { formatAbsolute } from '../../format/time.js';
import { useBrowseStore } from '../../stores/browse.js';
import { useNavigation } from '../../stores/navigation.js';
import { useReviewStore } from '../../stores/review.js';
import { CardBody } from './CardBody.js';
import { formatDue, formatKind, formatRetrievability, STATE_LABELS } from './format.js';
import { HistoryTable } from './HistoryTable.js';

function studyDeck(deckId: string): void {
  void useReviewStore.getState().start(deckId);
  useNavigation.getState().go('review');
}

function Facts({ detail }: { detail: BrowseCardDetail }) {
  const { card, row } = detail;
  const facts: [string, string][] = [
    ['Deck', row.deckTitle],
    ['Family', FAMILY_TITLES[row.family]],
    ['Kind', formatKind(row)],
    ['State', STATE_LABELS[row.state]],
    ['Due', row.due === null ? 'new' : `${formatDue(row.due, detail.now)} (${formatAbsolute(row.due)})`],
    ['Reps / lapses', `${row.reps} / ${row.lapses}`],
    ['Retrievability', formatRetrievability(row.retrievability)],
  ];
  if (detail.stability !== null) facts.push(['Stability', `${detail.stability.toFixed(1)} days`]);
  if (detail.difficulty !== null) facts.push(['Difficulty', `${detail.difficulty.toFixed(1)} of 10`]);
  if (card.content.kind === 'interview') facts.push(['Time limit', `${Math.round(card.content.timeLimitSec / 60 * 10) / 10} min`]);
  if (card.content.appliesTo) facts.push(['Applies to', card.content.appliesTo]);
  if (card.tags.length > 0) facts.push(['Tags', card.tags.join(', ')]);

  return (
    <dl className="browse-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The opened card: its schedule, actions, full content and review history. */
export function CardDetail() {
  const detail = useBrowseStore((state) => state.detail);
  const focusRequest = useBrowseStore((state) => state.focusRequest);
  const busy = useBrowseStore((state) => state.busy);
  const selectedId = useBrowseStore((state) => state.selectedId);
  const toggleSuspend = useBrowseStore((state) => state.toggleSuspend);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);

  if (detail === null) {
    return (
      <section className="browse-detail browse-detail-empty" aria-label="Card details">
        <p className="browse-note">Select a card and press Enter, or click it, to see it in full.</p>
      </section>
    );
  }

  const { row } = detail;
  // "s" acts on the selected row, so the button names the opened card only when both agree.
  const matchesSelection = selectedId === row.id;
  return (
    <section className="browse-detail" aria-labelledby="browse-detail-heading" data-testid="browse-detail">
      <h2 id="browse-detail-heading" ref={headingRef} tabIndex={-1}>
        {row.question}
      </h2>
      <div className="browse-actions">
        <button
          type="button"
          className="button"
          disabled={busy || !matchesSelection}
          aria-keyshortcuts="S"
          onClick={() => void toggleSuspend()}
        >
          {row.suspended ? 'Unsuspend' : 'Suspend'}
          <kbd className="key-hint" aria-hidden="true">S</kbd>
        </button>
        <button type="button" className="button" onClick={() => studyDeck(row.deckId)}>
          Study this deck<span className="visually-hidden">: {row.deckTitle}</span>
        </button>
      </div>
      <Facts detail={detail} />
      <CardBody card={detail.card} />
      <h3>Review history</h3>
      <HistoryTable detail={detail} />
    </section>
  );
}
