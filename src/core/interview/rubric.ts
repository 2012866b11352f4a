import type { KeyPoint } from '../decks/schema.js';

/**
 * Rubric matching: a key point counts as covered when any of its phrases
 * appears in the answer as a sequence of words. Both sides are normalised the
 * same way first (case, accents, punctuation, common English word endings),
 * so "Feature stores" in an answer matches the phrase "feature store".
 */

// Undoubling skips l, s and z, so "rolled" and "passed" keep their stems "roll" and "pass".
const UNDOUBLE = /([b-df-hj-kmnp-rt-y])\1$/;
const KEEP_S = /(ss|us|is)$/;

/** Splits text into lowercase words without accents. Every character but a letter or digit separates words. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * Strips plural and -ing/-ed endings and a final "e", so that "serve",
 * "serves", "served" and "serving" share the stem "serv". Short words stay as
 * they are, because their endings are rarely suffixes.
 */
export function stem(word: string): string {
  let result = word;
  if (result.length > 3) result = stripPlural(result);
  for (const suffix of ['ing', 'ed']) {
    if (result.endsWith(suffix) && !result.endsWith('eed') && result.length - suffix.length >= 3) {
      result = result.slice(0, -suffix.length);
      if (UNDOUBLE.test(result)) result = result.slice(0, -1);
      break;
    }
  }
  if (result.length > 3 && result.endsWith('e')) result = result.slice(0, -1);
  return result;
}

function stripPlural(word: string): string {
  if (word.endsWith('ies') || word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !KEEP_S.test(word)) return word.slice(0, -1);
  return word;
}

/** Normalises text to its sequence of stems. */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

export interface PointMatch {
  covered: boolean;
  /** The first listed phrase found in the answer, or null. */
  phrase: string | null;
}

/** Matches an answer against each key point. An empty answer covers nothing. */
export function matchKeyPoints(answer: string, keyPoints: readonly KeyPoint[]): PointMatch[] {
  const answerStems = stems(answer);
  return keyPoints.map((keyPoint) => {
    const phrase = keyPoint.phrases.find((candidate) => containsSequence(answerStems, stems(candidate))) ?? null;
    return { covered: phrase !== null, phrase };
  });
}

export { coverage, proposeRating } from './score.js';
