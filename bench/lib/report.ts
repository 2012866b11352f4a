import { roundSample, type Sample } from './sample.js';
import { FIGURES, type FigureKey } from './targets.js';
import type { MachineInfo } from './machine.js';

/** A figure that is not one of the targets but explains one, such as a step of a measurement. */
export interface Extra {
  label: string;
  unit: string;
  sample: Sample;
}

export interface BenchReport {
  date: string;
  command: string;
  fixture: string;
  machineBefore: MachineInfo;
  machineAfter: MachineInfo | null;
  figures: Record<FigureKey, Sample | null>;
  /** How many runs each figure's median was taken over. */
  runs: Partial<Record<FigureKey, number>>;
  extras: Extra[];
  /** Reasons a figure is null and remarks on how one was taken, one line each. */
  notes: string[];
}

export function emptyFigures(): Record<FigureKey, Sample | null> {
  return Object.fromEntries(FIGURES.map((figure) => [figure.key, null])) as Record<FigureKey, Sample | null>;
}

/** Builds the object `--json` prints: exactly the figure keys, each rounded, null when not measured. */
export function figuresJson(report: BenchReport): Record<FigureKey, Sample | null> {
  const result = emptyFigures();
  for (const figure of FIGURES) {
    const sample = report.figures[figure.key];
    result[figure.key] = sample ? roundSample(sample) : null;
  }
  return result;
}

function cell(value: number): string {
  return String(roundSample({ median: value, min: value, max: value }).median);
}

function row(columns: string[], widths: number[]): string {
  return columns.map((column, index) => (index === 0 ? column.padEnd(widths[index]!) : column.padStart(widths[index]!))).join('  ');
}

/** Formats the figures, then the extras and notes, as a plain-text table. */
export function formatTable(report: BenchReport): string {
  const header = ['figure', 'median', 'min', 'max', 'unit', 'target', 'result', 'runs'];
  const lines: string[][] = [header];
  for (const figure of FIGURES) {
    const sample = report.figures[figure.key];
    const runs = String(report.runs[figure.key] ?? '');
    if (!sample) {
      lines.push([`${figure.key}  ${figure.label}`, '-', '-', '-', figure.unit, `< ${figure.target}`, 'n/a', runs]);
      continue;
    }
    const verdict = sample.median < figure.target ? 'pass' : `MISS x${cell(sample.median / figure.target)}`;
    lines.push([`${figure.key}  ${figure.label}`, cell(sample.median), cell(sample.min), cell(sample.max), figure.unit, `< ${figure.target}`, verdict, runs]);
  }
  for (const extra of report.extras) {
    lines.push([`  ${extra.label}`, cell(extra.sample.median), cell(extra.sample.min), cell(extra.sample.max), extra.unit, '', '', '']);
  }
  const widths = header.map((_, index) => Math.max(...lines.map((line) => line[index]!.length)));
  const table = lines.map((line) => row(line, widths));
  table.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  const machine = report.machineBefore;
  const footer = [
    '',
    `${report.date}  ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryTotalGiB} GiB RAM, Node ${machine.node}`,
    `load average before: ${machine.loadAverage.join(' ')}; after: ${report.machineAfter?.loadAverage.join(' ') ?? '-'}`,
    ...report.notes.map((note) => `note: ${note}`),
  ];
  return [...table, ...footer].join('\n');
}
