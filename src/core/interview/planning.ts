import type { Family, InterviewStyle } from '../decks/schema.js';
import { ValidationError } from '../errors.js';
import { FORMATS, type CustomOptions, type InterviewFormat } from './formats.js';
import { seededRandom, shuffled } from './random.js';

/** An interview prompt that a session may pick, with what planning needs of its schedule. */
export interface PromptCandidate {
  cardId: string;
  deckId: string;
  family: Family;
  style: InterviewStyle;
  timeLimitSec: number;
  /** FSRS state: 0 means never practised. */
  state: number;
  due: number;
  /** Probability of recall now, from 0 to 1; 0 for a prompt never practised. */
  retrievability: number;
}

export interface PlanRequest {
  format: InterviewFormat;
  /** The deck of a Tool deep dive; null picks the topic with the most need. */
  topicDeckId: string | null;
  custom: CustomOptions | null;
  seed: number;
  /** Prompts due at or before this instant count as due. */
  dueCutoff: number;
}

export interface PlannedPrompt {
  cardId: string;
  timeLimitMs: number;
}

export interface SessionPlan {
  prompts: PlannedPrompt[];
  /** How many prompts the format asked for; more than `prompts.length` when too few matched. */
  requested: number;
  topicDeckId: string | null;
}

interface Ranked extends PromptCandidate {
  tiebreak: number;
}

/**
 * Picks the prompts of a session by need: due prompts with the lowest
 * retrievability first, then prompts never practised (families taking turns),
 * then the rest, least retained first. The chosen prompts are then ordered so
 * that neighbours come from different families where possible. The same
 * candidates and seed always give the same plan.
 */
export function planSession(candidates: readonly PromptCandidate[], request: PlanRequest): SessionPlan {
  const definition = FORMATS[request.format];
  const random = seededRandom(request.seed);
  const custom = request.format === 'custom' ? requireCustom(request.custom) : null;
  const requested = custom?.count ?? definition.promptCount;
  const minutesEach = custom ? custom.minutesEach : definition.minutesEach;

  // Sort by id first, so the order the database returned rows in cannot change the plan.
  const ranked: Ranked[] = [...candidates]
    .sort((a, b) => a.cardId.localeCompare(b.cardId))
    .map((candidate) => ({ ...candidate, tiebreak: random() }));
  let eligible = ranked.filter((candidate) => definition.style === null || candidate.style === definition.style);
  if (custom) eligible = filterCustom(eligible, custom);

  let topicDeckId: string | null = null;
  if (definition.oneTopic) {
    topicDeckId = request.topicDeckId ?? neediestDeck(eligible, request.dueCutoff);
    eligible = eligible.filter((candidate) => candidate.deckId === topicDeckId);
  }

  const chosen = rankByNeed(eligible, request.dueCutoff, random).slice(0, requested);
  const prompts = mixFamilies(chosen).map((candidate) => ({
    cardId: candidate.cardId,
    timeLimitMs: (minutesEach === null ? candidate.timeLimitSec : minutesEach * 60) * 1000,
  }));
  return { prompts, requested, topicDeckId };
}

function requireCustom(custom: CustomOptions | null): CustomOptions {
  if (custom === null) throw new ValidationError('A Custom interview needs its options: families, decks, count and minutes.');
  return custom;
}

function filterCustom(candidates: Ranked[], custom: CustomOptions): Ranked[] {
  const families = new Set(custom.families);
  const decks = new Set(custom.deckIds);
  return candidates.filter(
    (candidate) => (families.size === 0 || families.has(candidate.family)) && (decks.size === 0 || decks.has(candidate.deckId)),
  );
}

function isDue(candidate: PromptCandidate, dueCutoff: number): boolean {
  return candidate.state > 0 && candidate.due <= dueCutoff;
}

/** The deck with the most due prompts, then the most never practised, then the most prompts. */
function neediestDeck(candidates: Ranked[], dueCutoff: number): string | null {
  const tally = new Map<string, { due: number; fresh: number; total: number; tiebreak: number }>();
  for (const candidate of candidates) {
    const entry = tally.get(candidate.deckId) ?? { due: 0, fresh: 0, total: 0, tiebreak: candidate.tiebreak };
    if (isDue(candidate, dueCutoff)) entry.due += 1;
    if (candidate.state === 0) entry.fresh += 1;
    entry.total += 1;
    tally.set(candidate.deckId, entry);
  }
  const decks = [...tally.entries()].sort(
    ([, a], [, b]) => b.due - a.due || b.fresh - a.fresh || b.total - a.total || a.tiebreak - b.tiebreak,
  );
  return decks[0]?.[0] ?? null;
}

function byRetrievability(a: Ranked, b: Ranked): number {
  return a.retrievability - b.retrievability || a.tiebreak - b.tiebreak;
}

function rankByNeed(candidates: Ranked[], dueCutoff: number, random: () => number): Ranked[] {
  const due = candidates.filter((candidate) => isDue(candidate, dueCutoff)).sort(byRetrievability);
  const fresh = takeTurns(shuffled(candidates.filter((candidate) => candidate.state === 0), random));
  const rest = candidates.filter((candidate) => candidate.state > 0 && !isDue(candidate, dueCutoff)).sort(byRetrievability);
  return [...due, ...fresh, ...rest];
}

/** Interleaves families: one prompt of each family in turn, keeping each family's own order. */
function takeTurns(candidates: Ranked[]): Ranked[] {
  const queues = new Map<Family, Ranked[]>();
  for (const candidate of candidates) {
    const queue = queues.get(candidate.family) ?? [];
    queue.push(candidate);
    queues.set(candidate.family, queue);
  }
  const result: Ranked[] = [];
  while (result.length < candidates.length) {
    for (const queue of queues.values()) {
      const next = queue.shift();
      if (next) result.push(next);
    }
  }
  return result;
}

/**
 * Orders the chosen prompts so that no two neighbours share a family when
 * another family is still waiting; otherwise the need order stays.
 */
function mixFamilies(chosen: Ranked[]): Ranked[] {
  const waiting = [...chosen];
  const result: Ranked[] = [];
  while (waiting.length > 0) {
    const previous = result.at(-1)?.family;
    const index = Math.max(0, waiting.findIndex((candidate) => candidate.family !== previous));
    result.push(...waiting.splice(index, 1));
  }
  return result;
}
