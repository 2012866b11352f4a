import type { BrowseCardDetail } from '../../../core/api/contract.js';
import { formatAbsolute } from '../../format/time.js';
import { formatSpan } from './format.js';

const RATING_NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;
const SOURCE_NAMES = { review: 'Daily review', interview: 'Mock interview' } as const;

/** Every recorded answer of a card, newest first. */
export function HistoryTable({ detail }: { detail: BrowseCardDetail }) {
  if (detail.history.length === 0) return <p className="browse-note">No answers yet.</p>;

  return (
    <>
      <table className="browse-history" data-testid="browse-history">
        <caption className="visually-hidden">Review history, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Rating</th>
            <th scope="col">Source</th>
            <th scope="col">Interval after</th>
          </tr>
        </thead>
        <tbody>
          {detail.history.map((entry) => (
            <tr key={entry.id}>
              <td>{formatAbsolute(entry.reviewedAt)}</td>
              <td className={`rating-${entry.rating}`}>{RATING_NAMES[entry.rating]}</td>
              <td>{SOURCE_NAMES[entry.source]}</td>
              <td>{formatSpan(entry.intervalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.historyTruncated && <p className="browse-note">Only the latest {detail.history.length} answers are listed.</p>}
    </>
  );
}
