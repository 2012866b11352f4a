import type { MissedPointView } from '../../../core/api/contract.js';
import { InlineText } from '../../components/InlineText.js';

interface MissedPointsProps {
  missed: MissedPointView[];
  busy: boolean;
  onMakeCard: (position: number, pointIndex: number) => void;
}

/** How many repeat misses the top list shows. */
const TOP_COUNT = 5;

function MissedItem({ missed, busy, onMakeCard }: { missed: MissedPointView } & Omit<MissedPointsProps, 'missed'>) {
  return (
    <li>
      <span className="missed-point">{missed.point}</span>
      {missed.timesMissed > 1 && <span className="missed-meta">missed {missed.timesMissed} times</span>}
      {missed.cardId ? (
        <span className="badge">In My cards</span>
      ) : (
        <button
          type="button"
          className="button button-quiet"
          disabled={busy}
          aria-label={`Make a flashcard: ${missed.point}`}
          onClick={() => onMakeCard(missed.position, missed.pointIndex)}
        >
          Make a flashcard
        </button>
      )}
    </li>
  );
}

/**
 * Renders the points the answers left out: those also missed in earlier
 * sessions first, then every missed point under its prompt, each with a
 * button that makes it a flashcard.
 */
export function MissedPoints({ missed, busy, onMakeCard }: MissedPointsProps) {
  if (missed.length === 0) return <p>Every key point was covered.</p>;
  const repeated = missed.filter((point) => point.timesMissed > 1).slice(0, TOP_COUNT);
  const positions = [...new Set(missed.map((point) => point.position))].sort((a, b) => a - b);

  return (
    <>
      {repeated.length > 0 && (
        <>
          <h3>Missed again</h3>
          <ul className="missed-points">
            {repeated.map((point) => (
              <MissedItem key={`top-${point.position}-${point.pointIndex}`} missed={point} busy={busy} onMakeCard={onMakeCard} />
            ))}
          </ul>
        </>
      )}
      {positions.map((position) => {
        const points = missed.filter((point) => point.position === position);
        return (
          <div key={position} className="missed-group">
            <h3>
              {position + 1}. <InlineText text={points[0]!.prompt} />
            </h3>
            <ul className="missed-points">
              {points.map((point) => (
                <MissedItem key={point.pointIndex} missed={point} busy={busy} onMakeCard={onMakeCard} />
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
