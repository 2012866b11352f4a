import type { HistoryEntryView } from '../../../core/api/contract.js';
import { formatAbsolute } from '../../format/time.js';
import { formatDuration, formatPercent } from './format.js';

interface HistoryViewProps {
  sessions: HistoryEntryView[];
  hasMore: boolean;
  busy: boolean;
  onOpen: (sessionId: string) => void;
  onMore: () => void;
  onBack: () => void;
}

/** Lists past sessions, newest first. Each opens again with its answers and scores. */
export function HistoryView({ sessions, hasMore, busy, onOpen, onMore, onBack }: HistoryViewProps) {
  return (
    <section className="interview-history" aria-labelledby="history-heading">
      <div className="interview-title-row">
        <h1 id="history-heading">Interview history</h1>
        <button type="button" className="button button-quiet" onClick={onBack}>
          New interview
        </button>
      </div>
      {sessions.length === 0 ? (
        <p>No sessions yet. Your mock interviews appear here with their answers and scores.</p>
      ) : (
        <table className="summary-table">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Format</th>
              <th scope="col">Scored</th>
              <th scope="col">Time used</th>
              <th scope="col">Coverage</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((entry) => (
              <tr key={entry.id} data-testid="history-row">
                <td>{formatAbsolute(entry.startedAt)}</td>
                <td>
                  {entry.formatTitle}
                  {entry.status === 'active' && <span className="badge">unfinished</span>}
                </td>
                <td>
                  {entry.scored} of {entry.prompts}
                </td>
                <td>{formatDuration(entry.usedMs)}</td>
                <td>{entry.meanCoverage === null ? '—' : formatPercent(entry.meanCoverage)}</td>
                <td>
                  <button type="button" className="button button-quiet" disabled={busy} onClick={() => onOpen(entry.id)}>
                    {entry.status === 'active' ? 'Resume' : 'Open'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasMore && (
        <button type="button" className="button button-quiet" disabled={busy} onClick={onMore}>
          Show older sessions
        </button>
      )}
    </section>
  );
}
