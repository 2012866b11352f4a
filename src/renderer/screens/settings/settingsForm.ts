import { settingsSchema, type Settings, type SettingsUpdate } from '../../../core/settings/schema.js';

/** The form's raw text per setting, as the user typed it. */
export type SettingsForm = Record<keyof Settings, string>;

export type FieldErrors = Partial<Record<keyof Settings, string>>;

const NUMBER_FIELDS = ['newPerDay', 'reviewsPerDay', 'desiredRetention', 'dayStartHour', 'maximumIntervalDays'] as const;
const STEP_FIELDS = ['learningSteps', 'relearningSteps'] as const;

export const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** Fills the form from saved settings; steps are joined with spaces, as in "1m 10m". */
export function toForm(settings: Settings): SettingsForm {
  return {
    newPerDay: String(settings.newPerDay),
    reviewsPerDay: String(settings.reviewsPerDay),
    desiredRetention: String(settings.desiredRetention),
    dayStartHour: String(settings.dayStartHour),
    learningSteps: settings.learningSteps.join(' '),
    relearningSteps: settings.relearningSteps.join(' '),
    maximumIntervalDays: String(settings.maximumIntervalDays),
    theme: settings.theme,
  };
}

/** Parses a number field. Empty text becomes NaN, so the schema reports "must be a number" instead of saving 0. */
function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function parseSteps(text: string): string[] {
  return text.split(/[\s,]+/).filter((step) => step !== '');
}

/** Converts the form's text into the update the host receives. */
export function toUpdate(form: SettingsForm): SettingsUpdate {
  const update: Record<string, unknown> = { theme: form.theme };
  for (const key of NUMBER_FIELDS) update[key] = parseNumber(form[key]);
  for (const key of STEP_FIELDS) update[key] = parseSteps(form[key]);
  return update as SettingsUpdate;
}

/** Checks an update with the host's own schema, so the messages match the ones it sends. */
export function checkUpdate(update: SettingsUpdate): FieldErrors {
  const result = settingsSchema.safeParse(update);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if (isSettingKey(key) && errors[key] === undefined) errors[key] = issue.message;
  }
  return errors;
}

function isSettingKey(key: unknown): key is keyof Settings {
  return typeof key === 'string' && (SETTING_KEYS as string[]).includes(key);
}

const ISSUE_START = /; (?=[A-Za-z]+(?:\.\d+)*: )/;
const ISSUE = /^([A-Za-z]+)(?:\.\d+)*: ([\s\S]*)$/;

/**
 * Splits a host validation message such as "Invalid request for
 * updateSettings: desiredRetention: Desired retention must be …" into
 * per-field messages. Returns null when no part names a setting, so the caller shows the whole message instead.
 */
export function fieldErrorsFromMessage(message: string): FieldErrors | null {
  const body = message.replace(/^Invalid request for \w+: /, '').replace(/\.$/, '');
  const errors: FieldErrors = {};
  for (const part of body.split(ISSUE_START)) {
    const match = ISSUE.exec(part);
    const key = match?.[1];
    if (match?.[2] !== undefined && isSettingKey(key) && errors[key] === undefined) errors[key] = match[2];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
