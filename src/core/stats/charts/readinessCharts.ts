import type { ChartView } from '../../api/stats.js';
import type { StatsData } from '../collect.js';
import { plural, WIDE } from './common.js';
import { readinessBars } from './hbars.js';
import { lineChart } from './lines.js';
import { formatPercent, formatShortDay } from './scale.js';

/** Draws average recall now per question family against the desired retention. */
export function readinessChart(data: StatsData): ChartView {
  const title = 'Readiness per question family';
  const target = data.desiredRetention;
  // High recall on the few cards studied so far is not readiness, so a family counts as ready
  // only when most of its cards have been studied too.
  const mostlyUnseen = data.families.filter((row) => row.neverSeenShare >= 0.5);
  const ready = data.families.filter((row) => (row.averageRetrievability ?? -1) >= target && row.neverSeenShare < 0.5);
  const unseenNote = mostlyUnseen.length === 0 ? '' : ` Families with most cards unseen: ${mostlyUnseen.length}.`;
  const summary =
    `${ready.length} of ${data.families.length} families are ready: average recall at or above the target, ` +
    `with most cards studied.${unseenNote}`;
  const rows = data.families.map((row) => {
    const recall = row.averageRetrievability;
    const recallText = recall === null ? '' : `, average recall ${formatPercent(recall, 1)}`;
    return {
      label: row.title,
      retrievability: recall,
      neverSeen: row.neverSeenShare,
      tooltip: `${row.title}: ${row.seen} of ${row.cards} cards seen${recallText}`,
    };
  });
  return { title, summary, svg: readinessBars(`${title}. ${summary}`, rows, target) };
}

/** Draws key-point coverage and self-score of each finished mock interview. */
export function interviewsChart(data: StatsData): ChartView {
  const sessions = data.interviews;
  const title = 'Mock interviews: coverage and score per session';
  const last = sessions[sessions.length - 1];
  const summary = last
    ? `${plural(sessions.length, 'finished session')}; ` +
      `the latest covered ${formatPercent(last.coverage)} of the key points.`
    : 'No finished mock interview yet.';
  const date = (at: number) => formatShortDay(Math.floor(at / 86_400_000));
  const every = Math.max(1, Math.ceil(sessions.length / 8));
  const svg = lineChart({
    label: `${title}. ${summary}`,
    frame: WIDE,
    series: [
      {
        name: 'Coverage',
        className: 'chart-coverage',
        values: sessions.map((one) => one.coverage),
        tooltips: sessions.map((one) => `${date(one.finishedAt)}: coverage ${formatPercent(one.coverage)}`),
      },
      {
        name: 'Score',
        className: 'chart-score',
        values: sessions.map((one) => one.score),
        tooltips: sessions.map((one) => {
          return `${date(one.finishedAt)}: score ${one.score === null ? 'none' : formatPercent(one.score)}`;
        }),
      },
    ],
    minimum: 0,
    maximum: 1,
    ticks: [0, 0.25, 0.5, 0.75, 1],
    formatValue: (value) => formatPercent(value),
    xTicks: sessions.flatMap((one, index) => {
      return index % every === 0 ? [{ index, label: date(one.finishedAt) }] : [];
    }),
    emptyMessage: 'Finish a mock interview to see your trend',
  });
  return { title, summary, svg };
}
