import { useState } from 'react';
import type { FormatView, InterviewFormatId, InterviewSetupView, ReviewMode } from '../../../core/api/contract.js';
import type { Family } from '../../../core/decks/schema.js';
import { FAMILY_TITLES } from '../../format/families.js';
import type { StartRequest } from '../../stores/interview.js';
import { CustomFields, type CustomDraft } from './CustomFields.js';
import { UnfinishedSession } from './UnfinishedSession.js';

interface SetupViewProps {
  setup: InterviewSetupView;
  busy: boolean;
  onStart: (request: StartRequest) => void;
  onResume: (sessionId: string) => void;
  onDiscard: (sessionId: string) => void;
  onHistory: () => void;
}

function formatLine(format: FormatView): string {
  const minutes = format.minutesEach === null ? 'your choice of time' : `${format.minutesEach} min each`;
  const count = format.promptCount === 1 ? '1 prompt' : `${format.promptCount} prompts`;
  return format.id === 'custom' ? `${format.available} prompts to choose from` : `${count}, ${minutes} · ${format.available} available`;
}

/** Renders the choice of format, with its topic or custom options, and starts a session. An unfinished session shows first. */
export function SetupView({ setup, busy, onStart, onResume, onDiscard, onHistory }: SetupViewProps) {
  const [format, setFormat] = useState<InterviewFormatId>('rapid');
  const [topicDeckId, setTopicDeckId] = useState<string>('');
  const [reviewMode, setReviewMode] = useState<ReviewMode>('each');
  const [custom, setCustom] = useState<CustomDraft>({ families: [] as Family[], deckIds: [], count: 5, minutesEach: 3, ownLimits: false });
  const chosen = setup.formats.find((entry) => entry.id === format)!;
  const topics = setup.topics.filter((topic) => topic.deepDives > 0);

  function start() {
    onStart({
      format,
      reviewMode,
      topicDeckId: format === 'deep-dive' && topicDeckId !== '' ? topicDeckId : null,
      custom:
        format === 'custom'
          ? { families: custom.families, deckIds: custom.deckIds, count: custom.count, minutesEach: custom.ownLimits ? null : custom.minutesEach }
          : null,
    });
  }

  return (
    <section className="interview-setup" aria-labelledby="interview-heading">
      <div className="interview-title-row">
        <h1 id="interview-heading">Mock interview</h1>
        <button type="button" className="button button-quiet" onClick={onHistory}>
          History
        </button>
      </div>
      {setup.unfinished && (
        <UnfinishedSession entry={setup.unfinished} busy={busy} onResume={onResume} onDiscard={onDiscard} />
      )}
      <p className="interview-due">
        {setup.due === 0 ? 'No interview prompts are due today.' : `${setup.due} interview prompts are due today; sessions pick them first.`}
      </p>

      <fieldset className="format-list">
        <legend>Format</legend>
        {setup.formats.map((entry) => (
          <label key={entry.id} className={`format-option${entry.id === format ? ' format-option-chosen' : ''}`}>
            <input type="radio" name="format" value={entry.id} checked={entry.id === format} onChange={() => setFormat(entry.id)} />
            <span className="format-title">{entry.title}</span>
            <span className="format-description">{entry.description}</span>
            <span className="format-meta">{formatLine(entry)}</span>
          </label>
        ))}
      </fieldset>

      {format === 'deep-dive' && (
        <label className="setup-field">
          Topic
          <select value={topicDeckId} onChange={(event) => setTopicDeckId(event.target.value)}>
            <option value="">The topic that needs practice most</option>
            {topics.map((topic) => (
              <option key={topic.deckId} value={topic.deckId}>
                {topic.title} ({topic.deepDives} prompts{topic.due > 0 ? `, ${topic.due} due` : ''})
              </option>
            ))}
          </select>
        </label>
      )}

      {format === 'custom' && <CustomFields setup={setup} draft={custom} onChange={setCustom} familyTitles={FAMILY_TITLES} />}

      <fieldset className="review-mode">
        <legend>Score the answers</legend>
        <label>
          <input type="radio" name="review-mode" checked={reviewMode === 'each'} onChange={() => setReviewMode('each')} />
          after each prompt
        </label>
        <label>
          <input type="radio" name="review-mode" checked={reviewMode === 'end'} onChange={() => setReviewMode('end')} />
          after the last prompt, like a real interview
        </label>
      </fieldset>

      <button
        type="button"
        className="button button-primary"
        disabled={busy || setup.unfinished !== null || chosen.available === 0}
        onClick={start}
      >
        Start {chosen.title}
      </button>
      {chosen.available === 0 && <p className="setup-note">No prompts of this format exist in the installed decks.</p>}
      {setup.unfinished !== null && <p className="setup-note">Resume or discard the unfinished session first.</p>}
    </section>
  );
}
