import { dispatch } from '../../src/core/api/dispatch.js';
import type { MethodName } from '../../src/core/api/methods.js';
import type { App } from '../../src/core/app.js';
import { createLogger } from '../../src/log/logger.js';
import { summarize, type Sample } from '../lib/sample.js';

const logger = createLogger('bench');

/**
 * Times one API method through dispatch(), as a host calls it: request
 * validation plus the handler, without the transport. Fails on an error result.
 */
export async function timeMethod(app: App, method: MethodName, payload: unknown, runs: number): Promise<Sample> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await dispatch(app.handlers, method, payload, logger);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`${method} failed during the benchmark: ${result.error.message}`);
  }
  return summarize(times);
}
