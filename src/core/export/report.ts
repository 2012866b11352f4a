import type { ChartView, ReadinessRow, StatsView } from '../api/stats.js';
import { currentMoment, type CoreContext } from '../context.js';
import { renderSvg, escapeXml } from '../stats/charts/svg.js';
import { CHART_CSS } from '../stats/charts/theme.js';
import { formatPercent } from '../stats/charts/scale.js';
import { collectStats } from '../stats/collect.js';
import { toView } from '../stats/service.js';
import { exportFileName, type ExportStream } from './stream.js';

const REPORT_CSS = `
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  margin: 0; background: #f7f7f5; color: #1f2329;
}
main { max-width: 900px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 4px; }
.subtitle, .summary { color: #4a4f59; margin: 0 0 12px; font-size: 14px; }
section {
  background: #fff; border: 1px solid #e3e5e8; border-radius: 10px;
  padding: 18px 20px; margin: 18px 0; break-inside: avoid;
}
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 20px 0; }
.tile { background: #fff; border: 1px solid #e3e5e8; border-radius: 10px; padding: 12px 14px; }
.tile strong { display: block; font-size: 24px; }
.tile span { color: #4a4f59; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e5e8; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.trio { display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
.trio section { margin: 0; padding: 14px; }
footer { color: #4a4f59; font-size: 12px; margin-top: 24px; }
@media screen and (prefers-color-scheme: dark) {
  body { background: #16181d; color: #e8ebf0; }
  section, .tile { background: #1e2128; border-color: #2c313a; }
  .subtitle, .summary, .tile span, footer { color: #aab1bc; }
  th, td { border-color: #2c313a; }
}
@media print { body { background: #fff; } main { padding: 0; } section, .tile { border-color: #ccc; } }
`;

function chartSection(chart: ChartView): string {
  const heading = `<h2>${escapeXml(chart.title)}</h2><p class="summary">${escapeXml(chart.summary)}</p>`;
  return `<section>${heading}${renderSvg(chart.svg)}</section>`;
}

function cells(values: string[], numberFrom: number, tag = 'td'): string {
  return values
    .map((value, index) => {
      const scope = tag === 'th' ? ' scope="col"' : '';
      const className = index >= numberFrom ? ' class="number"' : '';
      return `<${tag}${scope}${className}>${escapeXml(value)}</${tag}>`;
    })
    .join('');
}

function readinessTable(caption: string, rows: ReadinessRow[]): string {
  const body = rows.map((row) => {
    const recall = row.averageRetrievability === null ? '—' : formatPercent(row.averageRetrievability, 1);
    const values = [row.title, `${row.seen} / ${row.cards}`, recall, formatPercent(row.neverSeenShare)];
    return `<tr>${cells(values, 1)}</tr>`;
  });
  const head = cells(['Name', 'Seen', 'Average recall now', 'Never seen'], 1, 'th');
  const table = `<table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
  return `<section><h2>${escapeXml(caption)}</h2>${table}</section>`;
}

function tile(value: string, label: string): string {
  return `<div class="tile"><strong>${escapeXml(value)}</strong><span>${escapeXml(label)}</span></div>`;
}

/** Renders the report page from a statistics view; every chart is inline SVG, so the file is self-contained. */
export function renderReport(view: StatsView): string {
  const { charts, today, totals } = view;
  const hours = (totals.durationMs / 3_600_000).toFixed(1);
  const retention = view.recentRetention === null ? '—' : formatPercent(view.recentRetention, 1);
  const generated = new Date(view.generatedAt).toISOString().replace('T', ' ').slice(0, 16);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Rehearse progress report, ${escapeXml(view.studyDay)}</title>
<style>${REPORT_CSS}${CHART_CSS}</style></head>
<body><main>
<h1>Rehearse progress report</h1>
<p class="subtitle">Study day ${escapeXml(view.studyDay)} · generated ${escapeXml(generated)} UTC ·
target retention ${formatPercent(view.desiredRetention)}</p>
<div class="tiles">
${tile(String(totals.answers), 'answers in total')}
${tile(`${hours} h`, 'time spent studying')}
${tile(`${today.streak} d`, `current streak (longest ${today.longestStreak} d)`)}
${tile(retention, 'true retention, last 30 days')}
</div>
${chartSection(charts.readiness)}
${readinessTable('Readiness per family', view.families)}
${chartSection(charts.activity)}
${chartSection(charts.reviews)}
${chartSection(charts.minutes)}
${chartSection(charts.retention)}
${chartSection(charts.forecast)}
${chartSection(charts.states)}
<div class="trio">
${chartSection(charts.stability)}
${chartSection(charts.difficulty)}
${chartSection(charts.retrievability)}
</div>
${chartSection(charts.interviews)}
${readinessTable('Readiness per deck', view.decks)}
<footer>Made by Rehearse from the data on this computer.
Recall is the current retrievability that FSRS computes for each card seen.</footer>
</main></body></html>
`;
}

/** Opens the HTML report as an export: one self-contained page of the last 90 days and the current state. */
export function htmlReport(context: CoreContext): ExportStream {
  const moment = currentMoment(context);
  const view = toView(collectStats(context, moment, 90));
  const text = renderReport(view);
  return {
    fileName: exportFileName('report', view.studyDay, 'html'),
    contentType: 'text/html; charset=utf-8',
    totalRows: 1,
    chunks: (async function* () {
      yield { text, rows: 1 };
    })(),
  };
}
