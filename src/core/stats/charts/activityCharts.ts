import type { ChartView } from '../../api/stats.js';
import type { DayTotalsRow } from '../../../db/repositories/stats.js';
import type { StatsData } from '../collect.js';
import { stackedBars } from './bars.js';
import { dayTicks, plural, WIDE } from './common.js';
import { heatmap } from './heatmap.js';
import { formatCount, formatShortDay } from './scale.js';

/** Draws the heatmap of answers per study day over the last 365 days. */
export function activityChart(data: StatsData): ChartView {
  const counts = data.yearDays.map((day) => day.answers);
  const active = counts.filter((count) => count > 0).length;
  const title = 'Answers per day, last 365 days';
  const streak = plural(data.today.streak, 'day');
  const summary = `${plural(active, 'study day')} with answers in the last year; the current streak is ${streak}.`;
  const label = `${title}. ${summary}`;
  return { title, summary, svg: heatmap({ label, counts, lastDay: data.lastDay, formatDay: formatShortDay }) };
}

function ratingTooltip(day: DayTotalsRow): string {
  const ratings = `Again ${day.again}, Hard ${day.hard}, Good ${day.good}, Easy ${day.easy}`;
  return `${formatShortDay(day.studyDay)}: ${day.answers} answers (${ratings})`;
}

/** Draws answers per day of the chosen range, stacked by rating. */
export function reviewsChart(data: StatsData, days: DayTotalsRow[]): ChartView {
  const total = days.reduce((sum, day) => sum + day.answers, 0);
  const title = `Answers per day by rating, last ${data.rangeDays} days`;
  const average = formatCount(total / data.rangeDays);
  const summary = `${plural(total, 'answer')} in the last ${data.rangeDays} days, ${average} per day on average.`;
  const svg = stackedBars({
    label: `${title}. ${summary}`,
    frame: WIDE,
    series: [
      { name: 'Again', className: 'chart-again', values: days.map((day) => day.again) },
      { name: 'Hard', className: 'chart-hard', values: days.map((day) => day.hard) },
      { name: 'Good', className: 'chart-good', values: days.map((day) => day.good) },
      { name: 'Easy', className: 'chart-easy', values: days.map((day) => day.easy) },
    ],
    tooltips: days.map(ratingTooltip),
    ticks: dayTicks(days),
    emptyMessage: 'No answers in this period yet',
  });
  return { title, summary, svg };
}

/** Draws minutes of study per day of the chosen range. */
export function minutesChart(data: StatsData, days: DayTotalsRow[]): ChartView {
  const minutes = days.map((day) => day.durationMs / 60_000);
  const total = minutes.reduce((sum, value) => sum + value, 0);
  const title = `Minutes per day, last ${data.rangeDays} days`;
  const summary = `${Math.round(total)} minutes of study in the last ${data.rangeDays} days.`;
  const svg = stackedBars({
    label: `${title}. ${summary}`,
    frame: WIDE,
    series: [{ name: 'Minutes', className: 'chart-minutes', values: minutes }],
    tooltips: days.map((day, index) => `${formatShortDay(day.studyDay)}: ${minutes[index]!.toFixed(1)} minutes`),
    ticks: dayTicks(days),
    emptyMessage: 'No study time in this period yet',
  });
  return { title, summary, svg };
}

/** Draws the cards and interview prompts due on each of the next 30 study days. */
export function forecastChart(data: StatsData): ChartView {
  const days = data.forecast;
  const total = days.reduce((sum, day) => sum + day.flashcards + day.prompts, 0);
  const title = `Due per day, next ${days.length} days`;
  const summary =
    `${plural(total, 'card')} and prompts come due in the next ${days.length} days; ` +
    "today's count includes overdue cards.";
  const dayName = (studyDay: number, index: number) => (index === 0 ? 'Today' : formatShortDay(studyDay));
  const svg = stackedBars({
    label: `${title}. ${summary}`,
    frame: WIDE,
    series: [
      { name: 'Flashcards', className: 'chart-review', values: days.map((day) => day.flashcards) },
      { name: 'Interview prompts', className: 'chart-prompt', values: days.map((day) => day.prompts) },
    ],
    tooltips: days.map((day, index) => {
      return `${dayName(day.studyDay, index)}: ${day.flashcards} flashcards, ${day.prompts} prompts`;
    }),
    ticks: days.flatMap((day, index) => (index % 7 === 0 ? [{ index, label: dayName(day.studyDay, index) }] : [])),
    emptyMessage: 'Nothing is scheduled yet',
  });
  return { title, summary, svg };
}
