import type { Database } from 'better-sqlite3';
import type { Repositories } from '../db/repositories/index.js';
import type { Logger } from '../log/logger.js';
import { createScheduler, type Scheduler } from './scheduling/fsrs.js';
import { studyDayBounds, studyDayOf } from './scheduling/studyDay.js';
import { readSettings } from './settings/service.js';
import type { Settings } from './settings/schema.js';

/** What every core service needs: the database, a clock and the user's time zone. */
export interface CoreContext {
  db: Database;
  repositories: Repositories;
  /** Milliseconds since the epoch; tests pass a fixed or moving clock. */
  clock: () => number;
  /** The user's current IANA time zone, read on each call so a change takes effect at once. */
  timeZone: () => string;
  logger: Logger;
}

/** The settings, scheduler and study day in force at one moment. */
export interface Moment {
  now: number;
  settings: Settings;
  scheduler: Scheduler;
  /**
   * The scheduler of interview prompts: the same settings without learning
   * steps, because a prompt practised in a mock interview should come back
   * days later, not ten minutes later in the next session.
   */
  promptScheduler: Scheduler;
  studyDay: number;
  dayStart: number;
  dayEnd: number;
}

const schedulers = new Map<string, Scheduler>();

function schedulerFor(settings: Settings, steps: 'with steps' | 'without steps' = 'with steps'): Scheduler {
  const withSteps = steps === 'with steps';
  const options = {
    desiredRetention: settings.desiredRetention,
    learningSteps: withSteps ? settings.learningSteps : [],
    relearningSteps: withSteps ? settings.relearningSteps : [],
    maximumIntervalDays: settings.maximumIntervalDays,
  };
  const key = JSON.stringify(options);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = createScheduler(options);
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** Reads the clock, settings and study day once, so one request sees one consistent moment. */
export function currentMoment(context: CoreContext): Moment {
  const now = context.clock();
  const settings = readSettings(context.repositories.settings, context.logger);
  const timeZone = context.timeZone();
  const studyDay = studyDayOf(now, timeZone, settings.dayStartHour);
  const { start, end } = studyDayBounds(studyDay, timeZone, settings.dayStartHour);
  return {
    now,
    settings,
    scheduler: schedulerFor(settings),
    promptScheduler: schedulerFor(settings, 'without steps'),
    studyDay,
    dayStart: start,
    dayEnd: end,
  };
}
