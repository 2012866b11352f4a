/**
 * Colours of the chart classes for the standalone report. The Statistics
 * screen carries the same palette in its own stylesheet, because the renderer
 * cannot import from core; tests/core/chartPalette.test.ts fails when the two differ. Dark colours apply on
 * screen only, so a printed or PDF report is always light.
 */
export const CHART_CSS = `
:root {
  --chart-text: #4a5059; --chart-strong: #1b1d21; --chart-grid: #e3e6ea; --chart-track: #eceef2;
  --chart-again: #d1453b; --chart-hard: #d98a1c; --chart-good: #2f9e5b; --chart-easy: #2f78d0;
  --chart-new: #2f78d0; --chart-learning: #d98a1c; --chart-review: #2f9e5b;
  --chart-relearning: #d1453b; --chart-suspended: #9aa0a8;
  --chart-prompt: #8a5cd1; --chart-minutes: #2f78d0; --chart-accent: #7b5cd1; --chart-target: #1b1d21;
  --chart-heat-0: #eceef2; --chart-heat-1: #bfe3cb; --chart-heat-2: #7cc79a;
  --chart-heat-3: #3a9e63; --chart-heat-4: #1d6b3e;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --chart-text: #b0b6c0; --chart-strong: #e7e9ec; --chart-grid: #2e333c; --chart-track: #2a2f37;
    --chart-again: #f0706a; --chart-hard: #f0a94a; --chart-good: #4cc27a; --chart-easy: #5aa0f0;
    --chart-new: #5aa0f0; --chart-learning: #f0a94a; --chart-review: #4cc27a;
    --chart-relearning: #f0706a; --chart-suspended: #7d848f;
    --chart-prompt: #b08cf0; --chart-minutes: #5aa0f0; --chart-accent: #b08cf0; --chart-target: #e7e9ec;
    --chart-heat-0: #2a2f37; --chart-heat-1: #1e4d33; --chart-heat-2: #2a7a4b;
    --chart-heat-3: #3fae6a; --chart-heat-4: #7fe0a4;
  }
}
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
.chart-label { font-size: 10.5px; fill: var(--chart-text); }
.chart-label-strong { fill: var(--chart-strong); font-weight: 600; }
.chart-empty { font-size: 12px; fill: var(--chart-text); font-style: italic; }
.chart-gridline { stroke: var(--chart-grid); stroke-width: 1; }
.chart-hit { fill: transparent; }
.chart-track { fill: var(--chart-track); }
.chart-again { fill: var(--chart-again); stroke: var(--chart-again); }
.chart-hard { fill: var(--chart-hard); stroke: var(--chart-hard); }
.chart-good { fill: var(--chart-good); stroke: var(--chart-good); }
.chart-easy { fill: var(--chart-easy); stroke: var(--chart-easy); }
.chart-new { fill: var(--chart-new); }
.chart-learning { fill: var(--chart-learning); }
.chart-review { fill: var(--chart-review); }
.chart-relearning { fill: var(--chart-relearning); }
.chart-suspended { fill: var(--chart-suspended); }
.chart-prompt { fill: var(--chart-prompt); }
.chart-minutes { fill: var(--chart-minutes); }
.chart-stability, .chart-difficulty, .chart-retrievability { fill: var(--chart-accent); }
.chart-ready { fill: var(--chart-good); }
.chart-near { fill: var(--chart-hard); }
.chart-behind { fill: var(--chart-again); }
.chart-line { fill: none; stroke-width: 2; }
line.chart-retention, line.chart-coverage, line.chart-score { stroke-width: 2; }
.chart-retention { stroke: var(--chart-easy); fill: var(--chart-easy); }
.chart-coverage { stroke: var(--chart-good); fill: var(--chart-good); }
.chart-score { stroke: var(--chart-prompt); fill: var(--chart-prompt); }
.chart-line.chart-retention, .chart-line.chart-coverage, .chart-line.chart-score { fill: none; }
.chart-target { stroke: var(--chart-target); stroke-width: 1.2; opacity: 0.7; }
.chart-dashed { stroke-dasharray: 4 3; }
${Array.from({ length: 5 }, (_, level) => `.chart-heat-${level} { fill: var(--chart-heat-${level}); }`).join('\n')}
`;
