import { useEffect, useRef } from 'react';
import type { InterviewSessionView } from '../../../core/api/contract.js';
import { phaseAt, readTimer, type TimerState } from '../../../core/interview/timer.js';
import { FAMILY_TITLES } from '../../format/families.js';
import type { SaveStatus } from '../../stores/interview.js';
import { formatClock } from './format.js';
import { InlineText } from '../../components/InlineText.js';

interface RunningViewProps {
  session: InterviewSessionView;
  position: number;
  timer: TimerState;
  now: number;
  draft: string;
  saveStatus: SaveStatus;
  busy: boolean;
  onType: (text: string) => void;
  onBlur: () => void;
  onPause: () => void;
  onResume: () => void;
  onNext: () => void;
  onSkip: () => void;
}

const SAVE_TEXT: Record<SaveStatus, string> = { idle: '', saving: 'Saving…', saved: 'Saved', failed: 'Not saved: the next change retries' };

/** Renders the prompt in progress: both countdowns, the phase of a system design round, the answer box and the controls. */
export function RunningView(props: RunningViewProps) {
  const { session, position, timer, now, draft, saveStatus, busy } = props;
  const prompt = session.prompts[position]!;
  const clock = readTimer(timer, now);
  const phase = phaseAt(session.phases, clock.promptUsedMs);
  const paused = !clock.running;
  const editable = !paused && !busy;
  const answerBox = useRef<HTMLTextAreaElement>(null);

  // Each new prompt, and a resumed one, takes the keyboard at once because its clock runs.
  // A new prompt first renders while the request that opened it is still in flight, and a
  // disabled box cannot take focus. So the focus waits until the box is editable.
  useEffect(() => {
    if (editable) answerBox.current?.focus();
  }, [position, editable]);

  return (
    <section className="interview-running" aria-labelledby="prompt-heading">
      <div className="interview-status">
        <span>
          {session.formatTitle} · Prompt {position + 1} of {session.prompts.length}
        </span>
        <span className="badge family-badge">{FAMILY_TITLES[prompt.family]}</span>
        <span className="deck-label">{prompt.deckTitle}</span>
      </div>

      <div className="countdowns">
        <div className={`countdown${clock.warning ? ' countdown-warning' : ''}`} role="timer" aria-label="Time left for this prompt">
          <span className="countdown-label">This prompt</span>
          <span className="countdown-value" data-testid="prompt-clock">
            {formatClock(clock.promptLeftMs)}
          </span>
        </div>
        <div className="countdown" role="timer" aria-label="Time left in the session">
          <span className="countdown-label">Session</span>
          <span className="countdown-value" data-testid="session-clock">
            {formatClock(clock.sessionLeftMs)}
          </span>
        </div>
        {phase && (
          <div className="countdown" role="timer" aria-label={`Phase: ${phase.name}`}>
            <span className="countdown-label">Phase {phase.index + 1}: {phase.name}</span>
            <span className="countdown-value">{formatClock(phase.leftMs)}</span>
          </div>
        )}
      </div>
      {clock.warning && (
        <p className="time-warning" role="status">
          Less than a fifth of the time is left: wrap up.
        </p>
      )}

      {position === 0 && session.requested > session.prompts.length && (
        <p className="setup-note">
          Only {session.prompts.length} prompts matched this format, which asks for {session.requested}.
        </p>
      )}

      <h2 id="prompt-heading" className="prompt-text">
        <InlineText text={prompt.prompt} />
      </h2>

      <label className="answer-label" htmlFor="interview-answer">
        Your answer, as you would say it
      </label>
      <textarea
        ref={answerBox}
        id="interview-answer"
        className="answer-box"
        value={draft}
        rows={10}
        disabled={!editable}
        onChange={(event) => props.onType(event.target.value)}
        onBlur={props.onBlur}
      />
      <p className="save-status" aria-live="polite" data-testid="save-status">
        {paused ? 'Paused: both clocks are stopped.' : SAVE_TEXT[saveStatus]}
      </p>

      <div className="interview-actions">
        {paused ? (
          <button type="button" className="button button-primary" disabled={busy} onClick={props.onResume}>
            Resume
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={props.onPause}>
            Pause
          </button>
        )}
        <button type="button" className="button" disabled={busy || paused} onClick={props.onSkip}>
          Skip
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || paused}
          onClick={props.onNext}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          Next
          <kbd className="key-hint" aria-hidden="true">
            Ctrl+Enter
          </kbd>
        </button>
      </div>
    </section>
  );
}
