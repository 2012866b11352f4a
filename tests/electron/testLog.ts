import { configureLogging } from '../../src/log/logger.js';

/** Sends every log line of this test file to an array instead of stderr, and returns the array. */
export function captureLogs(): Array<Record<string, unknown>> {
  const entries: Array<Record<string, unknown>> = [];
  configureLogging({ level: 'debug', sink: (line) => entries.push(JSON.parse(line)) });
  return entries;
}
