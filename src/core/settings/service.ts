import type { SettingsRepository } from '../../db/repositories/settings.js';
import type { Logger } from '../../log/logger.js';
import { ValidationError } from '../errors.js';
import { DEFAULT_SETTINGS, settingsSchema, settingsUpdateSchema, type Settings, type SettingsUpdate } from './schema.js';

/**
 * Reads settings over the defaults. A stored value that no longer passes its
 * rule (written by hand or by an older version) falls back to the default and
 * is logged, so one bad key cannot lock the user out.
 */
export function readSettings(repository: SettingsRepository, logger: Logger): Settings {
  const stored = repository.getAll();
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    // Own keys only: `in` would also accept members every object has, such as constructor.
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) continue;
    const field = settingsSchema.shape[key as keyof Settings];
    if (field.safeParse(value).success) settings[key] = value;
    else logger.warn('stored setting is invalid; using the default', { key });
  }
  return settings as Settings;
}

/** Validates an update and writes each changed key; the caller runs it inside a transaction. */
export function writeSettings(repository: SettingsRepository, update: SettingsUpdate): void {
  const parsed = settingsUpdateSchema.safeParse(update);
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined) repository.set(key, value);
  }
}
