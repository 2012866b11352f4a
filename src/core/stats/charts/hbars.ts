import { chartRoot } from './frame.js';
import { formatPercent, type Frame } from './scale.js';
import { el, text, tooltip, type SvgNode } from './svg.js';

export interface ReadinessBar {
  label: string;
  /** Mean retrievability of the cards seen (0–1), or null when none was seen. */
  retrievability: number | null;
  /** Share of the cards never seen (0–1). */
  neverSeen: number;
  tooltip: string;
}

const ROW = 30;

/** Returns the bar colour class: at the target, within 10 points below it, or further behind. */
function readinessClass(value: number, target: number): string {
  if (value >= target) return 'chart-ready';
  if (value >= target - 0.1) return 'chart-near';
  return 'chart-behind';
}

/**
 * Draws one row per group: a bar of average retrievability on a 0–100 % track
 * with a line at the desired retention, and the share never seen beside it.
 */
export function readinessBars(label: string, rows: ReadinessBar[], target: number): SvgNode {
  const height = 26 + rows.length * ROW + 8;
  const frame: Frame = { width: 880, height, top: 26, right: 130, bottom: 8, left: 240 };
  const trackWidth = frame.width - frame.left - frame.right;
  const targetX = frame.left + target * trackWidth;
  const strong = 'chart-label chart-label-strong';

  const drawn = rows.map((row, index) => {
    const y = frame.top + index * ROW;
    const value = row.retrievability;
    const track = { x: frame.left, y: y + 3, width: trackWidth, height: 14, rx: 3, class: 'chart-track' };
    const bar =
      value === null
        ? null
        : el('rect', { ...track, width: Math.max(2, value * trackWidth), class: readinessClass(value, target) });
    const valueText = value === null ? 'not started' : formatPercent(value);
    return el('g', {}, [
      tooltip(row.tooltip),
      text(row.label, { x: frame.left - 10, y: y + 13, 'text-anchor': 'end', class: strong }),
      el('rect', track),
      bar,
      text(valueText, { x: frame.left + trackWidth + 8, y: y + 14, class: strong }),
      // "not started" fills the value column and already means every card is unseen.
      value === null
        ? null
        : text(`${formatPercent(row.neverSeen)} unseen`, { x: frame.left + trackWidth + 52, y: y + 14, class: 'chart-label' }),
    ]);
  });

  const targetLine = { x1: targetX, x2: targetX, y1: frame.top - 8, y2: frame.height - frame.bottom };
  return chartRoot(frame, label, [
    text('Average recall now', { x: frame.left, y: 12, class: 'chart-label' }),
    text(`target ${formatPercent(target)}`, { x: targetX, y: 12, 'text-anchor': 'middle', class: 'chart-label' }),
    ...drawn,
    el('line', { ...targetLine, class: 'chart-target chart-dashed' }),
  ]);
}

export interface ProportionPart {
  label: string;
  className: string;
  value: number;
}

/** Draws one horizontal bar split into parts, with a labelled key below it. */
export function proportionBar(label: string, parts: ProportionPart[]): SvgNode {
  const frame: Frame = { width: 880, height: 64, top: 8, right: 8, bottom: 8, left: 8 };
  const width = frame.width - frame.left - frame.right;
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let x = frame.left;
  const segments = parts.map((part) => {
    const share = total === 0 ? 0 : part.value / total;
    const start = x;
    x += share * width;
    if (share === 0) return null;
    const hover = tooltip(`${part.label}: ${part.value} (${formatPercent(share)})`);
    return el('rect', { x: start, y: frame.top, width: share * width, height: 22, class: part.className }, [hover]);
  });
  const slot = width / parts.length;
  const key = parts.map((part, index) => {
    const left = frame.left + index * slot;
    return el('g', {}, [
      el('rect', { x: left, y: 44, width: 10, height: 10, rx: 2, class: part.className }),
      text(`${part.label} ${part.value}`, { x: left + 15, y: 53, class: 'chart-label chart-label-strong' }),
    ]);
  });
  const track = el('rect', { x: frame.left, y: frame.top, width, height: 22, rx: 3, class: 'chart-track' });
  return chartRoot(frame, label, [track, ...segments, ...key]);
}
