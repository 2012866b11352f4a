import type { HomeView } from '../../../core/api/views.js';
import { Count } from '../../components/Counts.js';
import { formatDueAt } from '../../format/time.js';

interface TodaySummaryProps {
  home: HomeView;
  onStudyAll: () => void;
  onInterview: () => void;
}

function NextDue({ nextDueAt }: { nextDueAt: number | null }) {
  if (nextDueAt === null) return <p className="summary-note">No cards are scheduled yet.</p>;
  return <p className="summary-note">Nothing is due now. The next card is due {formatDueAt(nextDueAt)}.</p>;
}

/** Today's totals over all decks, with "Study now", reviews done and interview prompts due. */
export function TodaySummary({ home, onStudyAll, onInterview }: TodaySummaryProps) {
  const { totals } = home;
  const nothingDue = totals.new + totals.learning + totals.review === 0;

  return (
    <section className="today" aria-labelledby="today-heading">
      <h1 id="today-heading">Today</h1>
      <div className="today-row">
        <dl className="today-counts">
          <div>
            <dt>New</dt>
            <dd><Count kind="new" value={totals.new} testId="home-total-new" /></dd>
          </div>
          <div>
            <dt>Learning</dt>
            <dd><Count kind="learning" value={totals.learning} testId="home-total-learning" /></dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd><Count kind="review" value={totals.review} testId="home-total-review" /></dd>
          </div>
        </dl>
        <button type="button" className="button button-primary" onClick={onStudyAll}>
          Study now
        </button>
      </div>
      {nothingDue && <NextDue nextDueAt={home.nextDueAt} />}
      <p className="summary-note">
        Daily review answers today: <strong data-testid="reviewed-today">{home.reviewedToday}</strong>
      </p>
      <p className="summary-note">
        Interview prompts due: <strong data-testid="interviews-due">{home.interviewsDue}</strong>{' '}
        {home.interviewsDue > 0 && (
          <button type="button" className="button button-quiet" onClick={onInterview}>
            Start a mock interview
          </button>
        )}
      </p>
    </section>
  );
}
