import { useEffect } from 'react';
import { Loading } from '../../components/Loading.js';
import { useStatsStore } from '../../stores/stats.js';
import { ChartCard } from './ChartCard.js';
import { RangePicker } from './RangePicker.js';
import { ReadinessTable } from './ReadinessTable.js';
import { TodayTiles } from './TodayTiles.js';
import { TransferPanel } from './TransferPanel.js';
import './stats.css';

/** Progress at a glance: today, readiness, activity, retention, the forecast and the exports. */
export function StatsScreen() {
  const view = useStatsStore((state) => state.view);
  const rangeDays = useStatsStore((state) => state.rangeDays);
  const loading = useStatsStore((state) => state.loading);
  const load = useStatsStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  if (view === null) return <Loading what="your statistics" />;
  const { charts } = view;

  return (
    <div className="stats" aria-busy={loading}>
      <header className="stats-header">
        <h1>Statistics</h1>
        <p className="stats-summary">Study day {view.studyDay}</p>
      </header>
      <TodayTiles view={view} />

      <section className="stats-section" aria-labelledby="stats-readiness-heading">
        <h2 id="stats-readiness-heading">Readiness</h2>
        <ChartCard id="readiness" chart={charts.readiness} />
        <details className="stats-card stats-details">
          <summary>Readiness per deck</summary>
          <ReadinessTable rows={view.decks} target={view.desiredRetention} />
        </details>
      </section>

      <section className="stats-section" aria-labelledby="stats-activity-heading">
        <h2 id="stats-activity-heading">Activity</h2>
        <ChartCard id="activity" chart={charts.activity} />
        <ChartCard
          id="reviews"
          chart={charts.reviews}
          actions={<RangePicker value={rangeDays} onChange={(range) => void load(range)} />}
        />
        <ChartCard id="minutes" chart={charts.minutes} />
      </section>

      <section className="stats-section" aria-labelledby="stats-memory-heading">
        <h2 id="stats-memory-heading">Memory</h2>
        <ChartCard id="retention" chart={charts.retention} />
        <ChartCard id="forecast" chart={charts.forecast} />
        <ChartCard id="states" chart={charts.states} />
        <div className="stats-grid">
          <ChartCard id="stability" chart={charts.stability} wide={false} />
          <ChartCard id="difficulty" chart={charts.difficulty} wide={false} />
          <ChartCard id="retrievability" chart={charts.retrievability} wide={false} />
        </div>
      </section>

      <section className="stats-section" aria-labelledby="stats-interviews-heading">
        <h2 id="stats-interviews-heading">Mock interviews</h2>
        <ChartCard id="interviews" chart={charts.interviews} />
      </section>

      <TransferPanel />
    </div>
  );
}

export default StatsScreen;
