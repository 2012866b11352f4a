import { z } from 'zod';
import type { ExportTable } from '../../db/repositories/export.js';
import { FAMILIES, INTERVIEW_STYLES } from '../decks/schema.js';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../settings/schema.js';
import { keyPointSchema, storedCardContentSchema } from './cardContent.js';

/** A value of a row as read from the file, after its column's type check; undefined leaves the column's default. */
type FieldValue = string | number | null | undefined;

/** Returns the value of another field of the same row, by its name in the file. */
export type FieldOf = (field: string) => FieldValue;

/** Why a value is invalid: `path` leads from the field into its JSON (".front", "[2]"), or is empty. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Checks one field of a row; returns null when the value fits. */
export type FieldRule = (value: FieldValue, row: FieldOf) => FieldProblem | null;

/** Shows a value from the file in an error message, cut to a readable length. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // JSON.parse accepts nesting deeper than JSON.stringify can write back without running out of stack.
    return Array.isArray(value) ? 'a list nested too deeply to show' : 'an object nested too deeply to show';
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function problem(message: string, path = ''): FieldProblem {
  return { path, message };
}

/** Parses JSON text; a problem describes text that is not JSON. */
function parseJson(text: string): { value: unknown } | FieldProblem {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return problem(`is not valid JSON (${(error as Error).message})`);
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

function schemaProblem(result: z.ZodSafeParseResult<unknown>): FieldProblem | null {
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return problem(issue.message, issuePath(issue.path));
}

/** Makes the rule of a TEXT column that contains JSON: `check` gets the parsed value, and null passes. */
function jsonRule(check: (value: unknown, row: FieldOf) => FieldProblem | null): FieldRule {
  return (value, row) => {
    if (typeof value !== 'string') return null;
    const parsed = parseJson(value);
    return 'value' in parsed ? check(parsed.value, row) : parsed;
  };
}

function oneOf(options: readonly string[]): FieldRule {
  const allowed = new Set(options);
  return (value) => (typeof value === 'string' && !allowed.has(value) ? problem(`must be one of ${options.join(', ')}, not ${shown(value)}`) : null);
}

function numberFrom(min: number, max: number = Number.POSITIVE_INFINITY): FieldRule {
  const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `from ${min} to ${max}`;
  return (value) => (typeof value === 'number' && (value < min || value > max) ? problem(`must be ${range}, not ${value}`) : null);
}

/** FSRS card states as ts-fsrs numbers them. */
const STATE_NAMES = ['0 (new)', '1 (learning)', '2 (review)', '3 (relearning)'];

const fsrsState: FieldRule = (value) =>
  typeof value === 'number' && (value < 0 || value > 3)
    ? problem(`must be ${STATE_NAMES.slice(0, 3).join(', ')} or ${STATE_NAMES[3]}, not ${value}`)
    : null;

/**
 * Ranges of an FSRS memory state that ts-fsrs keeps and the columns do not
 * check: counts are never negative, and difficulty is 0 for a new card and
 * from 1 to 10 after its first review.
 */
function memoryStateRules(prefix: '' | 'before' | 'after'): Record<string, FieldRule> {
  const field = (name: string) => (prefix === '' ? name : `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`);
  const rules: Record<string, FieldRule> = {
    [field('stability')]: numberFrom(0),
    [field('difficulty')]: numberFrom(0, 10),
    [field('learningSteps')]: numberFrom(0),
    [field('reps')]: numberFrom(0),
    [field('lapses')]: numberFrom(0),
  };
  // card_state.state has a CHECK constraint, but the review log's two states have none.
  if (prefix !== '') rules[field('state')] = fsrsState;
  return rules;
}

const CARD_KINDS: readonly unknown[] = ['basic', 'interview'];

const cardContent = jsonRule((content, row) => {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return problem(`must be an object, not ${shown(content)}`);
  const kind = (content as { kind?: unknown }).kind;
  // An unknown kind column is left to the table's CHECK constraint.
  if (CARD_KINDS.includes(kind) && CARD_KINDS.includes(row('kind')) && kind !== row('kind')) {
    return problem(`is ${shown(kind)}, but the card's kind is ${shown(row('kind'))}`, '.kind');
  }
  return schemaProblem(storedCardContentSchema.safeParse(content));
});

const cardStyle: FieldRule = (value, row) => {
  if (!CARD_KINDS.includes(row('kind'))) return null;
  if (row('kind') === 'basic') return value === null ? null : problem(`must be null for a basic card, not ${shown(value)}`);
  if (typeof value === 'string' && (INTERVIEW_STYLES as readonly string[]).includes(value)) return null;
  return problem(`must be one of ${INTERVIEW_STYLES.join(', ')} for an interview card, not ${shown(value)}`);
};

const tagList = z.array(z.string({ error: 'must be text' }), { error: 'must be a list of text' });
const tags = jsonRule((value) => schemaProblem(tagList.safeParse(value)));

const keyPointList = z.array(keyPointSchema, { error: 'must be a list' });
const keyPoints = jsonRule((value) => schemaProblem(keyPointList.safeParse(value)));

/** Matched or covered points: distinct indexes into the answer's key points. */
const pointIndexes = jsonRule((value, row) => {
  if (!Array.isArray(value)) return problem(`must be a list of key point indexes, not ${shown(value)}`);
  // keyPoints comes earlier in the row and has passed its own rule.
  const count = (JSON.parse(row('keyPoints') as string) as unknown[]).length;
  const seen = new Set<unknown>();
  for (const [position, index] of value.entries()) {
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= count) {
      return problem(`must be the index of one of the ${count} key points (0 to ${count - 1}), not ${shown(index)}`, `[${position}]`);
    }
    if (seen.has(index)) return problem(`repeats the key point index ${shown(index)}`, `[${position}]`);
    seen.add(index);
  }
  return null;
});

const jsonObject = jsonRule((value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? null : problem(`must be a JSON object, not ${shown(value)}`),
);

/** Describes the values a setting accepts, for an error message. */
function allowedValues(key: keyof Settings): string {
  const field = settingsSchema.shape[key];
  if (field instanceof z.ZodNumber) {
    return `${field.isInt ? 'a whole number' : 'a number'} from ${field.minValue} to ${field.maxValue}`;
  }
  if (field instanceof z.ZodEnum) return (field.options as string[]).join(', ');
  return `a value such as ${JSON.stringify(DEFAULT_SETTINGS[key])}`;
}

/**
 * Checks a setting's value, JSON text as the settings repository stores it.
 * The value of a known key must pass the rule that the Settings screen
 * applies, because readSettings would replace a failing value by its default
 * and log a warning on every read. Unknown keys pass, since readSettings
 * ignores them.
 */
const settingValue = jsonRule((value, row) => {
  const key = row('key');
  if (typeof key !== 'string' || !Object.hasOwn(settingsSchema.shape, key)) return null;
  const setting = key as keyof Settings;
  const result = settingsSchema.shape[setting].safeParse(value);
  if (result.success) return null;
  const reasons = result.error.issues.map((issue) => issue.message).join('; ');
  return problem(`${shown(value)} is not valid for ${setting}: ${reasons} (allowed: ${allowedValues(setting)})`);
});

/**
 * Rules for the fields, by table and by their name in the file, whose values
 * have a structure or range that the column's type and constraints do not
 * enforce but the app relies on when it reads them.
 */
export const FIELD_RULES: { readonly [table in ExportTable]?: Readonly<Record<string, FieldRule>> } = {
  settings: { value: settingValue },
  decks: { family: oneOf(FAMILIES) },
  cards: { family: oneOf(FAMILIES), style: cardStyle, content: cardContent, tags },
  card_state: memoryStateRules(''),
  review_log: { ...memoryStateRules('before'), ...memoryStateRules('after') },
  interview_sessions: { options: jsonObject },
  interview_answers: { keyPoints, matchedPoints: pointIndexes, coveredPoints: pointIndexes },
};
