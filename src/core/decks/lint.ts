// Content checks for bundled decks that the schema cannot express: code snippets on cards,
// duplicate fronts across decks, and card counts against the content targets.
import type { DeckCard, Family, InterviewStyle } from './schema.js';
import type { LoadedDeck } from './load.js';

/** A fenced code block found in a card's Markdown. */
export interface Snippet {
  cardId: string;
  /** Card field the block came from, such as `back` or `model_answer`. */
  field: string;
  /** Language tag after the opening fence in lowercase, or empty when the fence has none. */
  language: string;
  code: string;
}

/** Two basic-card fronts that read the same or almost the same. */
export interface DuplicateFront {
  first: FrontEntry;
  second: FrontEntry;
  /** Jaccard similarity of the normalised word sets, from 0 to 1. */
  similarity: number;
  /** True when the fronts are equal after trimming, case folding and whitespace collapsing. */
  exact: boolean;
}

export interface FrontEntry {
  fileName: string;
  cardId: string;
  front: string;
}

/** Card counts of one deck or of all decks together. */
export interface CardCounts {
  basic: number;
  interview: number;
  byStyle: Partial<Record<InterviewStyle, number>>;
  byFamily: Partial<Record<Family, number>>;
  /** Interview prompts per family. */
  interviewByFamily: Partial<Record<Family, number>>;
  /** Ids of cards whose `sources` list is empty. */
  withoutSource: string[];
}

/** Minimum totals the bundled content must reach across all decks. */
export const CONTENT_TARGETS = {
  basic: 400,
  /** Interview prompts whose family is not `behavioural`. */
  nonBehaviouralInterview: 60,
  behaviouralInterview: 10,
  systemDesignStyle: 6,
} as const;

/** Word-set Jaccard similarity at or above which two fronts count as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

// Groups: 1 indentation of the opening fence, 2 the fence itself, 3 the language tag, 4 the body.
// The closing fence repeats the opening one, so a ``` line inside a ~~~ block does not end it.
const FENCE = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n([\s\S]*?)^[ \t]*\2[ \t]*$/gm;

/**
 * Extracts the fenced code blocks of a Markdown text, in order of appearance. The indentation of
 * the opening fence is removed from every body line, as Markdown does for fences inside list items.
 */
export function extractFencedBlocks(markdown: string): { language: string; code: string }[] {
  const blocks: { language: string; code: string }[] = [];
  for (const match of markdown.matchAll(FENCE)) {
    const indent = match[1] ?? '';
    const body = match[4] ?? '';
    const code = indent.length === 0 ? body : body.replace(new RegExp(`^[ \\t]{0,${indent.length}}`, 'gm'), '');
    blocks.push({ language: (match[3] ?? '').toLowerCase(), code });
  }
  return blocks;
}

/** Returns every Markdown field of a card with its field name. */
export function cardMarkdownFields(card: DeckCard): { field: string; text: string }[] {
  const content = card.content;
  if (content.kind === 'basic') {
    return [
      { field: 'front', text: content.front },
      { field: 'back', text: content.back },
    ];
  }
  return [
    { field: 'prompt', text: content.prompt },
    { field: 'model_answer', text: content.modelAnswer },
    ...content.followUps.map((text, index) => ({ field: `follow_ups[${index}]`, text })),
    ...content.pitfalls.map((text, index) => ({ field: `pitfalls[${index}]`, text })),
  ];
}

/** Extracts the fenced code blocks of every Markdown field of the given cards. */
export function extractSnippets(cards: DeckCard[]): Snippet[] {
  return cards.flatMap((card) =>
    cardMarkdownFields(card).flatMap(({ field, text }) =>
      extractFencedBlocks(text).map((block) => ({ cardId: card.id, field, ...block })),
    ),
  );
}

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'do', 'does', 'for', 'from', 'how', 'in', 'is', 'it',
  'its', 'of', 'on', 'or', 'the', 'to', 'what', 'when', 'which', 'why', 'with', 'you', 'your',
]);

/** Collapses whitespace and case so that trivially different spellings of a front compare equal. */
export function normaliseFrontText(front: string): string {
  return front.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Splits a front into its set of lowercase content words, without punctuation and stop words. */
export function frontWordSet(front: string): Set<string> {
  const words = front
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
  return new Set(words);
}

/** Returns |A ∩ B| / |A ∪ B|, or 0 when both sets are empty. */
export function jaccardSimilarity(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 0;
  let shared = 0;
  for (const word of left) {
    if (right.has(word)) shared += 1;
  }
  return shared / (left.size + right.size - shared);
}

/** Finds pairs of fronts that are equal after normalisation or whose word sets reach the threshold. */
export function findDuplicateFronts(entries: FrontEntry[], threshold = NEAR_DUPLICATE_THRESHOLD): DuplicateFront[] {
  const prepared = entries.map((entry) => ({ entry, text: normaliseFrontText(entry.front), words: frontWordSet(entry.front) }));
  const duplicates: DuplicateFront[] = [];
  for (let i = 0; i < prepared.length; i += 1) {
    for (let j = i + 1; j < prepared.length; j += 1) {
      const first = prepared[i]!;
      const second = prepared[j]!;
      const exact = first.text === second.text;
      const similarity = exact ? 1 : jaccardSimilarity(first.words, second.words);
      if (exact || similarity >= threshold) {
        duplicates.push({ first: first.entry, second: second.entry, similarity, exact });
      }
    }
  }
  return duplicates;
}

/** Lists the front of every basic card of the given decks. */
export function basicFronts(decks: LoadedDeck[]): FrontEntry[] {
  return decks.flatMap(({ deck, fileName }) =>
    deck.cards.flatMap((card) => (card.content.kind === 'basic' ? [{ fileName, cardId: card.id, front: card.content.front }] : [])),
  );
}

function increment<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Counts cards by kind, interview style and family. */
export function countCards(cards: DeckCard[]): CardCounts {
  const counts: CardCounts = { basic: 0, interview: 0, byStyle: {}, byFamily: {}, interviewByFamily: {}, withoutSource: [] };
  for (const card of cards) {
    increment(counts.byFamily, card.family);
    if (card.content.sources.length === 0) counts.withoutSource.push(card.id);
    if (card.kind === 'basic') {
      counts.basic += 1;
      continue;
    }
    counts.interview += 1;
    increment(counts.interviewByFamily, card.family);
    if (card.style !== null) increment(counts.byStyle, card.style);
  }
  return counts;
}

/** One content target and how far the bundled decks are from it. */
export interface TargetResult {
  label: string;
  actual: number;
  target: number;
  met: boolean;
}

/** Compares the totals over all decks with CONTENT_TARGETS. */
export function checkTargets(totals: CardCounts): TargetResult[] {
  const behavioural = totals.interviewByFamily.behavioural ?? 0;
  const rows: [string, number, number][] = [
    ['basic cards', totals.basic, CONTENT_TARGETS.basic],
    ['interview prompts in non-behavioural families', totals.interview - behavioural, CONTENT_TARGETS.nonBehaviouralInterview],
    ['behavioural interview prompts', behavioural, CONTENT_TARGETS.behaviouralInterview],
    ['system-design style prompts', totals.byStyle['system-design'] ?? 0, CONTENT_TARGETS.systemDesignStyle],
  ];
  return rows.map(([label, actual, target]) => ({ label, actual, target, met: actual >= target }));
}
