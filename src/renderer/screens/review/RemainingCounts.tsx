import type { QueueCountsView } from '../../../core/api/views.js';
import { Count } from '../../components/Counts.js';

interface RemainingCountsProps {
  remaining: QueueCountsView;
  /** FSRS state of the card on screen, to underline the queue it came from. */
  cardState: number | null;
}

/** Maps an FSRS state (0 new, 1 learning, 2 review, 3 relearning) to the count it belongs to. */
function currentKind(cardState: number | null): keyof QueueCountsView | null {
  if (cardState === null) return null;
  if (cardState === 0) return 'new';
  if (cardState === 2) return 'review';
  return 'learning';
}

/** The cards left in this session: new, learning and due, as Anki shows them. */
export function RemainingCounts({ remaining, cardState }: RemainingCountsProps) {
  const kind = currentKind(cardState);
  return (
    <p className="remaining">
      <span className="visually-hidden">Remaining: </span>
      <Count kind="new" value={remaining.new} testId="remaining-new" current={kind === 'new'} />
      <span className="remaining-label"> new, </span>
      <Count kind="learning" value={remaining.learning} testId="remaining-learning" current={kind === 'learning'} />
      <span className="remaining-label"> learning, </span>
      <Count kind="review" value={remaining.review} testId="remaining-review" current={kind === 'review'} />
      <span className="remaining-label"> due</span>
    </p>
  );
}
