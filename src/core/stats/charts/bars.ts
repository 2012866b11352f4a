import { chartRoot, emptyNote, legend, xLabels, yGrid } from './frame.js';
import { formatCount, niceTicks, plotHeight, plotWidth, type Frame } from './scale.js';
import { el, tooltip, type SvgNode } from './svg.js';

export interface BarSeries {
  name: string;
  className: string;
  values: number[];
}

export interface BarChartInput {
  label: string;
  frame: Frame;
  series: BarSeries[];
  /** Tooltip of each bar, in category order. */
  tooltips: string[];
  /** Labels under chosen bars: category index and text. */
  ticks: { index: number; label: string }[];
  formatValue?: (value: number) => string;
  showLegend?: boolean;
  emptyMessage?: string;
}

function totalsOf(series: BarSeries[], count: number): number[] {
  return Array.from({ length: count }, (_, index) => {
    return series.reduce((sum, one) => sum + (one.values[index] ?? 0), 0);
  });
}

/** Draws a bar chart whose series stack bottom to top in the order given; one series draws plain bars. */
export function stackedBars(input: BarChartInput): SvgNode {
  const { frame, series } = input;
  const count = series[0]?.values.length ?? 0;
  const totals = totalsOf(series, count);
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  const height = plotHeight(frame);
  const slot = plotWidth(frame) / Math.max(1, count);
  const barWidth = Math.max(0.8, slot * (count > 60 ? 0.9 : 0.72));

  const bars = totals.map((_, index) => {
    let base = frame.top + height;
    const x = frame.left + index * slot + (slot - barWidth) / 2;
    const segments = series.map((one) => {
      const value = one.values[index] ?? 0;
      const segmentHeight = (value / top) * height;
      base -= segmentHeight;
      if (value <= 0) return null;
      return el('rect', { x, y: base, width: barWidth, height: segmentHeight, class: one.className });
    });
    // A transparent full-height target makes thin or empty bars easy to hover.
    const hit = { x: frame.left + index * slot, y: frame.top, width: slot, height, class: 'chart-hit' };
    return el('g', {}, [tooltip(input.tooltips[index] ?? ''), el('rect', hit), ...segments]);
  });

  const labels = input.ticks.map((tick) => ({ x: frame.left + (tick.index + 0.5) * slot, label: tick.label }));
  const isEmpty = totals.every((total) => total === 0);
  const showLegend = input.showLegend ?? series.length > 1;
  const entries = series.map((one) => ({ label: one.name, className: one.className }));
  return chartRoot(frame, input.label, [
    yGrid(frame, ticks, input.formatValue ?? formatCount),
    el('g', { class: 'chart-bars' }, bars),
    xLabels(frame, labels),
    showLegend ? legend(frame, entries) : null,
    isEmpty && input.emptyMessage ? emptyNote(frame, input.emptyMessage) : null,
  ]);
}
