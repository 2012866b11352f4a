import type { StatsView } from '../../../core/api/contract.js';

function minutes(durationMs: number): string {
  const total = Math.round(durationMs / 60_000);
  if (total < 60) return `${total} min`;
  return `${Math.floor(total / 60)} h ${total % 60} min`;
}

interface TileProps {
  label: string;
  value: string;
  /** Scope of the count, shown above the detail where the label alone could mislead. */
  scope?: string;
  detail: string;
  testId: string;
}

function Tile({ label, value, scope, detail, testId }: TileProps) {
  return (
    <div className="stats-tile">
      <dt>{label}</dt>
      <dd>
        <span className="stats-tile-value" data-testid={testId}>
          {value}
        </span>
        {scope !== undefined && <span className="stats-tile-detail">{scope}</span>}
        <span className="stats-tile-detail">{detail}</span>
      </dd>
    </div>
  );
}

/** Today at a glance: answers, time, what is left, the streak and recent retention. */
export function TodayTiles({ view }: { view: StatsView }) {
  const { today } = view;
  const left = today.left.new + today.left.learning + today.left.review;
  const retention = view.recentRetention === null ? '—' : `${(view.recentRetention * 100).toFixed(1)}%`;
  const totalHours = (view.totals.durationMs / 3_600_000).toFixed(1);
  const target = Math.round(view.desiredRetention * 100);
  const leftDetail = `${today.left.new} new · ${today.left.learning} learning · ${today.left.review} due`;
  return (
    <dl className="stats-tiles" aria-label="Today">
      <Tile
        label="Answers today"
        value={String(today.answers)}
        scope="Daily review and mock interviews"
        detail={`${view.totals.answers} in total`}
        testId="stats-today-answers"
      />
      <Tile label="Time today" value={minutes(today.durationMs)} detail={`${totalHours} h in total`} testId="stats-today-time" />
      <Tile label="Left today" value={String(left)} detail={leftDetail} testId="stats-today-left" />
      <Tile
        label="Streak"
        value={`${today.streak} ${today.streak === 1 ? 'day' : 'days'}`}
        detail={`longest ${today.longestStreak}`}
        testId="stats-streak"
      />
      <Tile label="True retention" value={retention} detail={`last 30 days · target ${target}%`} testId="stats-retention" />
    </dl>
  );
}
