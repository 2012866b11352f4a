/** The summary every figure is reported with: median of the runs, and the fastest and slowest. */
export interface Sample {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Sample {
  if (values.length === 0) throw new Error('Cannot summarize zero runs.');
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Times a synchronous call in milliseconds with the monotonic clock. */
export function timeMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Times an asynchronous call in milliseconds with the monotonic clock. */
export async function timeMsAsync(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Rounds for display and JSON: three significant digits below 100, whole numbers above. */
export function roundFigure(value: number): number {
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

export function roundSample(sample: Sample): Sample {
  return { median: roundFigure(sample.median), min: roundFigure(sample.min), max: roundFigure(sample.max) };
}
