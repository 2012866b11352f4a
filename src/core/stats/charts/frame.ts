import { el, text, type SvgNode } from './svg.js';
import { plotHeight, plotWidth, type Frame } from './scale.js';

/** Returns the root `<svg>` of a chart: it scales to its container and is one image to assistive technology. */
export function chartRoot(frame: Frame, label: string, children: (SvgNode | null)[]): SvgNode {
  const attrs = {
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    class: 'chart',
    role: 'img',
    'aria-label': label,
    preserveAspectRatio: 'xMidYMid meet',
  };
  return el('svg', attrs, children);
}

/** Draws horizontal grid lines with their labels on the left, for values from `minimum` to the last tick. */
export function yGrid(frame: Frame, ticks: number[], format: (value: number) => string, minimum = 0): SvgNode {
  const top = ticks[ticks.length - 1]!;
  const height = plotHeight(frame);
  const y = (value: number) => frame.top + height - ((value - minimum) / (top - minimum || 1)) * height;
  const lines = ticks.map((tick) => {
    const line = { x1: frame.left, x2: frame.width - frame.right, y1: y(tick), y2: y(tick), class: 'chart-gridline' };
    const label = { x: frame.left - 6, y: y(tick) + 3.5, 'text-anchor': 'end', class: 'chart-label' };
    return el('g', {}, [el('line', line), text(format(tick), label)]);
  });
  return el('g', { class: 'chart-grid' }, lines);
}

/** Draws labels under the plot at chosen positions; `x` is the centre of each label. */
export function xLabels(frame: Frame, labels: { x: number; label: string }[]): SvgNode {
  const y = frame.height - frame.bottom + 14;
  const drawn = labels.map((label) => text(label.label, { x: label.x, y, 'text-anchor': 'middle', class: 'chart-label' }));
  return el('g', { class: 'chart-x' }, drawn);
}

export interface LegendEntry {
  label: string;
  className: string;
  /** Draws a line sample instead of a filled square; dashed like a target line when `dashed`. */
  line?: boolean;
  dashed?: boolean;
}

function legendSample(entry: LegendEntry, x: number, y: number): SvgNode {
  if (!entry.line) return el('rect', { x, y: y - 8, width: 10, height: 10, rx: 2, class: entry.className });
  const className = `${entry.className}${entry.dashed ? ' chart-dashed' : ''}`;
  return el('line', { x1: x, x2: x + 12, y1: y - 3, y2: y - 3, class: className });
}

/** Draws a one-line legend at the top right of the frame. */
export function legend(frame: Frame, entries: LegendEntry[]): SvgNode {
  // Labels are measured at about 6.2 px per character of the 10.5 px label font.
  const widths = entries.map((entry) => 18 + entry.label.length * 6.2);
  let x = frame.width - frame.right - widths.reduce((sum, width) => sum + width, 0);
  const y = 10;
  const drawn = entries.map((entry, index) => {
    const start = x;
    x += widths[index]!;
    return el('g', {}, [legendSample(entry, start, y), text(entry.label, { x: start + 15, y: y + 1, class: 'chart-label' })]);
  });
  return el('g', { class: 'chart-legend' }, drawn);
}

/** Draws a centred note where a chart has nothing to show yet. */
export function emptyNote(frame: Frame, message: string): SvgNode {
  return text(message, {
    x: frame.left + plotWidth(frame) / 2,
    y: frame.top + plotHeight(frame) / 2,
    'text-anchor': 'middle',
    class: 'chart-empty',
  });
}
