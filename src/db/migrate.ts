import type { Database } from 'better-sqlite3';
import type { Logger } from '../log/logger.js';
import { DatabaseTooNewError } from './errors.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.js';

export interface MigrationPlan {
  from: number;
  to: number;
  pending: Migration[];
}

/** Reads the schema version and lists the steps still to run; rejects a database from a newer Rehearse. */
export function planMigrations(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): MigrationPlan {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (from > latest) throw new DatabaseTooNewError(path, from, latest);
  return { from, to: latest, pending: migrations.slice(from) };
}

/** Runs every pending step in one transaction, so a failure leaves the old schema intact. */
export function runMigrations(db: Database, plan: MigrationPlan, logger: Logger): void {
  if (plan.pending.length === 0) return;
  const migrate = db.transaction(() => {
    for (const migration of plan.pending) {
      logger.info('running migration', { version: migration.version, name: migration.name });
      migration.up(db);
    }
    db.pragma(`user_version = ${plan.to}`);
  });
  migrate.immediate();
}

export { LATEST_VERSION };
