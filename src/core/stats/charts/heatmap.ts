import { chartRoot } from './frame.js';
import { monthOf, weekdayOf, type Frame } from './scale.js';
import { el, text, tooltip, type SvgNode } from './svg.js';

const CELL = 13;
const GAP = 3;
const STEP = CELL + GAP;
const LEVELS = 4;

export interface HeatmapInput {
  label: string;
  /** Answers per study day, oldest first, one entry per day up to `lastDay`. */
  counts: number[];
  lastDay: number;
  formatDay: (studyDay: number) => string;
}

/**
 * Cuts counts into levels 1–4 at a quarter, half and three quarters of the
 * busiest day, so one huge day does not wash out the rest (level 0 is no answer).
 */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(LEVELS, Math.ceil((count / max) * LEVELS));
}

function monthLabels(firstDay: number, lastDay: number, x: (day: number) => number, width: number): SvgNode[] {
  const labels: SvgNode[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const { dayOfMonth, name } = monthOf(day);
    // A month is labelled at its first day, unless that column is too close to the right edge.
    if (dayOfMonth === 1 && x(day) < width - 24) labels.push(text(name, { x: x(day), y: 11, class: 'chart-label' }));
  }
  return labels;
}

function scaleKey(frame: Frame): SvgNode[] {
  const y = frame.height - 8;
  const left = frame.width - frame.right - (LEVELS + 1) * STEP - 64;
  const swatches = Array.from({ length: LEVELS + 1 }, (_, level) => {
    const x = left + 30 + level * STEP;
    return el('rect', { x, y: y - 9, width: CELL, height: CELL, rx: 2, class: `chart-heat-${level}` });
  });
  return [
    text('Less', { x: left, y: y + 1, class: 'chart-label' }),
    ...swatches,
    text('More', { x: left + 34 + (LEVELS + 1) * STEP, y: y + 1, class: 'chart-label' }),
  ];
}

/** Draws a calendar heatmap: one column per week (Monday on top), one cell per study day. */
export function heatmap(input: HeatmapInput): SvgNode {
  const firstDay = input.lastDay - input.counts.length + 1;
  const firstMonday = firstDay - weekdayOf(firstDay);
  const weeks = Math.floor((input.lastDay - firstMonday) / 7) + 1;
  const frame: Frame = { width: 30 + weeks * STEP + 4, height: 18 + 7 * STEP + 22, top: 18, right: 4, bottom: 22, left: 30 };
  const max = Math.max(0, ...input.counts);
  const x = (day: number) => frame.left + Math.floor((day - firstMonday) / 7) * STEP;
  const y = (day: number) => frame.top + weekdayOf(day) * STEP;

  const cells = input.counts.map((count, index) => {
    const day = firstDay + index;
    const hover = tooltip(`${input.formatDay(day)}: ${count} ${count === 1 ? 'answer' : 'answers'}`);
    const level = heatLevel(count, max);
    return el('rect', { x: x(day), y: y(day), width: CELL, height: CELL, rx: 2, class: `chart-heat-${level}` }, [hover]);
  });
  const weekdays = [
    [0, 'Mon'],
    [2, 'Wed'],
    [4, 'Fri'],
  ] as const;
  const weekdayLabels = weekdays.map(([row, name]) => {
    return text(name, { x: 0, y: frame.top + row * STEP + 10, class: 'chart-label' });
  });

  return chartRoot(frame, input.label, [
    el('g', {}, monthLabels(firstDay, input.lastDay, x, frame.width)),
    el('g', {}, weekdayLabels),
    el('g', { class: 'chart-cells' }, cells),
    el('g', {}, scaleKey(frame)),
  ]);
}
