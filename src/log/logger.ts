/**
 * The one logger of Rehearse: levelled, with named children, writing one JSON
 * line per entry. Hosts choose the sink (stderr by default, a file in the
 * desktop app); every layer may import this module.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(name: string): Logger;
}

interface LoggerConfig {
  level: LogLevel;
  sink: LogSink;
}

const config: LoggerConfig = {
  level: (process.env.REHEARSE_LOG_LEVEL as LogLevel | undefined) ?? 'info',
  sink: (line) => process.stderr.write(`${line}\n`),
};

/** Sets where log lines go and the lowest level written. */
export function configureLogging(options: Partial<LoggerConfig>): void {
  Object.assign(config, options);
}

function serializeError(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(name: string, level: LogLevel, message: string, fields?: Record<string, unknown>): void {
  if (LEVEL_ORDER[level] < LEVEL_ORDER[config.level]) return;
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, logger: name, message };
  if (fields) {
    for (const [key, value] of Object.entries(fields)) entry[key] = serializeError(value);
  }
  config.sink(JSON.stringify(entry));
}

/** Returns a logger whose entries carry `name`; `child('x')` names it `name.x`. */
export function createLogger(name: string): Logger {
  return {
    debug: (message, fields) => write(name, 'debug', message, fields),
    info: (message, fields) => write(name, 'info', message, fields),
    warn: (message, fields) => write(name, 'warn', message, fields),
    error: (message, fields) => write(name, 'error', message, fields),
    child: (childName) => createLogger(`${name}.${childName}`),
  };
}

export const rootLogger = createLogger('rehearse');
