import { z } from 'zod';

const STEP = /^(\d+(?:\.\d+)?)(m|h|d)$/;

const step = z.string().refine((value) => {
  const match = STEP.exec(value);
  return match !== null && Number(match[1]) > 0;
}, { error: (issue) => `"${String(issue.input)}" is not a step: write a positive number of minutes, hours or days, such as "1m", "10m", "1h" or "1d"` });

const steps = (name: string) =>
  z.array(step).max(10, `${name} take at most 10 steps`);

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

/** Every user setting with its rule; messages name the setting and the allowed range. */
export const settingsSchema = z.strictObject({
  newPerDay: wholeNumber('New cards per day', 0, 9999),
  reviewsPerDay: wholeNumber('Reviews per day', 0, 99_999),
  desiredRetention: z
    .number({ error: 'Desired retention must be a number' })
    .min(0.7, { error: (issue) => `Desired retention must be between 0.70 and 0.99; ${String(issue.input)} is too low` })
    .max(0.99, { error: (issue) => `Desired retention must be between 0.70 and 0.99; ${String(issue.input)} is too high` }),
  dayStartHour: wholeNumber('The hour the study day starts', 0, 23),
  learningSteps: steps('Learning steps'),
  relearningSteps: steps('Relearning steps'),
  maximumIntervalDays: wholeNumber('Maximum interval (days)', 1, 36_500),
  theme: z.enum(['light', 'dark', 'system'], { error: 'Theme must be light, dark or system' }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = settingsSchema.partial();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const DEFAULT_SETTINGS: Settings = {
  newPerDay: 20,
  reviewsPerDay: 200,
  desiredRetention: 0.9,
  dayStartHour: 4,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumIntervalDays: 36_500,
  theme: 'system',
};
