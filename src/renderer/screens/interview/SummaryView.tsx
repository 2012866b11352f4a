import type { InterviewSessionView, InterviewSummaryView } from '../../../core/api/contract.js';
import { FAMILY_TITLES } from '../../format/families.js';
import { formatAbsolute } from '../../format/time.js';
import { formatDuration, formatPercent, RATING_NAMES } from './format.js';
import { MissedPoints } from './MissedPoints.js';
import { InlineText } from '../../components/InlineText.js';

interface SummaryViewProps {
  session: InterviewSessionView;
  summary: InterviewSummaryView;
  busy: boolean;
  onMakeCard: (position: number, pointIndex: number) => void;
  onReplay: () => void;
  onNew: () => void;
  onHistory: () => void;
}

/** Renders the end of a session: time, coverage per prompt, weakest family, missed points and each answer. */
export function SummaryView({ session, summary, busy, onMakeCard, onReplay, onNew, onHistory }: SummaryViewProps) {
  return (
    <section className="interview-summary" aria-labelledby="summary-heading">
      <h1 id="summary-heading">{session.formatTitle}: summary</h1>
      <p className="interview-status">Started {formatAbsolute(session.startedAt)}</p>
      <dl className="summary-figures">
        <div>
          <dt>Time used</dt>
          <dd data-testid="summary-time">
            {formatDuration(summary.usedMs)} of {formatDuration(summary.limitMs)}
          </dd>
        </div>
        <div>
          <dt>Mean coverage</dt>
          <dd data-testid="summary-coverage">{formatPercent(summary.meanCoverage)}</dd>
        </div>
        <div>
          <dt>Weakest family</dt>
          <dd data-testid="summary-weakest">
            {summary.weakestFamily
              ? `${FAMILY_TITLES[summary.weakestFamily.family]} (${formatPercent(summary.weakestFamily.coverage)})`
              : '—'}
          </dd>
        </div>
      </dl>

      <h2>Prompts</h2>
      <table className="summary-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Prompt</th>
            <th scope="col">Time</th>
            <th scope="col">Coverage</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {session.prompts.map((prompt) => (
            <tr key={prompt.position}>
              <td>{prompt.position + 1}</td>
              <td>
                <details>
                  <summary>
                    <InlineText text={prompt.prompt} />
                  </summary>
                  <p className="given-answer">{prompt.answer.trim() === '' ? <em>No answer typed.</em> : prompt.answer}</p>
                </details>
              </td>
              <td>{formatDuration(prompt.usedMs)}</td>
              <td>{prompt.coverage === null ? '—' : formatPercent(prompt.coverage)}</td>
              <td>{prompt.rating === null ? '—' : RATING_NAMES[prompt.rating]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Points missed</h2>
      <MissedPoints missed={summary.missedPoints} busy={busy} onMakeCard={onMakeCard} />

      <div className="interview-actions">
        <button type="button" className="button" disabled={busy} onClick={onReplay}>
          Replay these prompts
        </button>
        <button type="button" className="button" onClick={onHistory}>
          History
        </button>
        <button type="button" className="button button-primary" onClick={onNew}>
          New interview
        </button>
      </div>
    </section>
  );
}
