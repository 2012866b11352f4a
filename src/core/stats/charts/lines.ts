import { chartRoot, emptyNote, legend, xLabels, yGrid, type LegendEntry } from './frame.js';
import { plotHeight, plotWidth, type Frame } from './scale.js';
import { el, tooltip, type SvgNode } from './svg.js';

export interface LineSeries {
  name: string;
  className: string;
  /** One value per point; null leaves a gap (no data that week or session). */
  values: (number | null)[];
  tooltips: string[];
}

export interface LineChartInput {
  label: string;
  frame: Frame;
  series: LineSeries[];
  /** The y axis runs from `minimum` to `maximum`. */
  minimum: number;
  maximum: number;
  ticks: number[];
  formatValue: (value: number) => string;
  xTicks: { index: number; label: string }[];
  /** A dashed horizontal reference, such as the desired retention. */
  target?: { value: number; label: string };
  emptyMessage: string;
}

/** Splits a series at its nulls into runs of "x,y" points. */
function runsOf(values: (number | null)[], x: (index: number) => number, y: (value: number) => number): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
      return;
    }
    run.push(`${Math.round(x(index) * 100) / 100},${Math.round(y(value) * 100) / 100}`);
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Draws lines with a dot per point; runs of values connect, and a null breaks the line. */
export function lineChart(input: LineChartInput): SvgNode {
  const { frame, minimum, maximum } = input;
  const count = Math.max(0, ...input.series.map((one) => one.values.length));
  const slot = plotWidth(frame) / Math.max(1, count);
  const height = plotHeight(frame);
  const x = (index: number) => frame.left + (index + 0.5) * slot;
  const y = (value: number) => {
    const clamped = Math.min(maximum, Math.max(minimum, value));
    return frame.top + height - ((clamped - minimum) / (maximum - minimum)) * height;
  };

  const drawn = input.series.map((one) => {
    const lines = runsOf(one.values, x, y)
      .filter((points) => points.length > 1)
      .map((points) => el('polyline', { points: points.join(' '), class: `chart-line ${one.className}` }));
    const dots = one.values.map((value, index) => {
      if (value === null) return null;
      const dot = { cx: x(index), cy: y(value), r: count > 40 ? 2 : 3, class: `chart-dot ${one.className}` };
      return el('circle', dot, [tooltip(one.tooltips[index] ?? '')]);
    });
    return el('g', {}, [...lines, ...dots]);
  });

  const entries: LegendEntry[] = input.series.map((one) => ({ label: one.name, className: one.className, line: true }));
  let target: SvgNode | null = null;
  if (input.target) {
    const at = y(input.target.value);
    const line = { x1: frame.left, x2: frame.width - frame.right, y1: at, y2: at, class: 'chart-target chart-dashed' };
    target = el('line', line, [tooltip(input.target.label)]);
    entries.push({ label: input.target.label, className: 'chart-target', line: true, dashed: true });
  }
  const hasData = input.series.some((one) => one.values.some((value) => value !== null));

  return chartRoot(frame, input.label, [
    yGrid(frame, input.ticks, input.formatValue, minimum),
    target,
    ...drawn,
    xLabels(frame, input.xTicks.map((tick) => ({ x: x(tick.index), label: tick.label }))),
    legend(frame, entries),
    hasData ? null : emptyNote(frame, input.emptyMessage),
  ]);
}
