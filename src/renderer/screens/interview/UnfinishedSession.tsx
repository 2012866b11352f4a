import { useState } from 'react';
import type { HistoryEntryView } from '../../../core/api/contract.js';
import { formatAbsolute } from '../../format/time.js';

interface UnfinishedSessionProps {
  entry: HistoryEntryView;
  busy: boolean;
  onResume: (sessionId: string) => void;
  onDiscard: (sessionId: string) => void;
}

/** Offers to resume a session left before its end with its time left, or to discard it after a second click. */
export function UnfinishedSession({ entry, busy, onResume, onDiscard }: UnfinishedSessionProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="unfinished" role="region" aria-label="Unfinished session">
      <p>
        <strong>{entry.formatTitle}</strong> from {formatAbsolute(entry.startedAt)} is unfinished: {entry.scored} of {entry.prompts} prompts
        scored.
      </p>
      <div className="unfinished-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onResume(entry.id)}>
          Resume
        </button>
        {confirming ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => onDiscard(entry.id)}>
              Discard for good
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirming(true)}>
            Discard
          </button>
        )}
      </div>
    </div>
  );
}
