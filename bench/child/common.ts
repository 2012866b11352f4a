import { openApp, type App } from '../../src/core/app.js';
import { configureLogging, createLogger } from '../../src/log/logger.js';

/** The fixture a child opens; `now` pins the clock, and null keeps the real one. */
export interface FixtureInput {
  dataDir: string;
  decksDir: string;
  now: number | null;
}

export function readInput<T>(): T {
  const text = process.argv[2];
  if (text === undefined) throw new Error('A bench child needs its input as one JSON argument.');
  return JSON.parse(text) as T;
}

export function openFixture(input: FixtureInput): App {
  configureLogging({ level: 'warn' });
  const now = input.now;
  return openApp({
    dataDir: input.dataDir,
    decksDir: input.decksDir,
    logger: createLogger('bench'),
    ...(now === null ? {} : { clock: () => now }),
    timeZone: () => 'UTC',
  });
}

/** Returns the highest resident set size of this process so far, in MiB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function currentRssMB(): number {
  return process.memoryUsage.rss() / 1_048_576;
}

/** Prints the result as the last stdout line, which runChild parses. */
export function emit(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs a child's main function and turns a failure into a non-zero exit with the message on stderr. */
export function runMain(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
