import { createHash } from 'node:crypto';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { ValidationError } from '../errors.js';
import { deckFileSchema, type CardContent, type Deck, type DeckCard, type DeckFileParsed } from './schema.js';

/** Largest deck file accepted, so a runaway file cannot stall start-up. */
export const MAX_DECK_FILE_BYTES = 2 * 1024 * 1024;

export interface LoadedDeck {
  deck: Deck;
  fileName: string;
  contentHash: string;
}

/** Raised for a deck file that cannot be used; names the file, line and field. */
export class DeckFileError extends ValidationError {
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly field: string,
    readonly cardId: string | null,
    detail: string,
  ) {
    const where = line === null ? fileName : `${fileName}:${line}`;
    const card = cardId === null ? '' : ` (card "${cardId}")`;
    super(`Invalid deck file ${where}${card}: field "${field}" ${detail}. Fix the file and start Rehearse again.`);
    this.name = 'DeckFileError';
  }
}

/** Parses and validates one deck file; throws DeckFileError on any problem. */
export function loadDeckFile(fileName: string, bytes: Uint8Array): LoadedDeck {
  if (bytes.byteLength > MAX_DECK_FILE_BYTES) {
    throw new DeckFileError(fileName, null, '(file)', null, `is ${bytes.byteLength} bytes, over the ${MAX_DECK_FILE_BYTES}-byte limit`);
  }
  const text = decodeUtf8(fileName, bytes);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    // linePos is only filled in with prettyErrors, so derive the line from the offset.
    const line = yamlError.linePos?.[0]?.line ?? lineCounter.linePos(yamlError.pos[0]).line;
    throw new DeckFileError(fileName, line, '(yaml)', null, `is not valid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const raw: unknown = document.toJS({ maxAliasCount: 50 });
  const parsed = deckFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const node = findNode(document.contents, path);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : null;
    throw new DeckFileError(fileName, line, formatPath(path), cardIdAt(raw, path), issue.message);
  }
  const deck = toDeck(parsed.data);
  assertUniqueCardIds(fileName, deck, document, lineCounter);
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return { deck, fileName, contentHash };
}

/** Throws when two decks share a card id: ids key progress, so they must be unique. */
export function assertUniqueAcrossDecks(decks: LoadedDeck[]): void {
  const owner = new Map<string, string>();
  for (const { deck, fileName } of decks) {
    for (const card of deck.cards) {
      const first = owner.get(card.id);
      if (first !== undefined) {
        throw new DeckFileError(fileName, null, 'cards.id', card.id, `duplicates a card id already used in ${first}; give the card a new id`);
      }
      owner.set(card.id, fileName);
    }
  }
}

function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = countLines(bytes, offset);
    throw new DeckFileError(fileName, line, '(encoding)', null, `is not valid UTF-8 at byte ${offset}; save the file as UTF-8`);
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let index = 0;
  while (index < bytes.byteLength) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
    if (length === 0 || index + length > bytes.byteLength) return index;
    try {
      decoder.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return index;
}

function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.byteLength; index += 1) {
    if (bytes[index] === 0x0a) line += 1;
  }
  return line;
}

function assertUniqueCardIds(fileName: string, deck: Deck, document: ReturnType<typeof parseDocument>, lineCounter: LineCounter): void {
  const seen = new Set<string>();
  deck.cards.forEach((card, index) => {
    if (seen.has(card.id)) {
      const node = findNode(document.contents, ['cards', index, 'id']);
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : null;
      throw new DeckFileError(fileName, line, `cards[${index}].id`, card.id, 'duplicates an earlier card id in this file');
    }
    seen.add(card.id);
  });
}

function findNode(root: YamlNode | null, path: (string | number)[]): YamlNode | null {
  let node: unknown = root;
  let found: YamlNode | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) return found;
      node = pair.value;
      found = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) return found;
      found = node as YamlNode;
    } else {
      return found;
    }
  }
  return found;
}

function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

function cardIdAt(raw: unknown, path: (string | number)[]): string | null {
  if (path[0] !== 'cards' || typeof path[1] !== 'number') return null;
  const cards = (raw as { cards?: unknown[] }).cards;
  const id = (cards?.[path[1]] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

function toDeck(file: DeckFileParsed): Deck {
  const cards: DeckCard[] = file.cards.map((card) => {
    const family = card.family ?? file.family;
    const common = { id: card.id, family, tags: card.tags };
    const appliesTo = card.applies_to === undefined ? {} : { appliesTo: card.applies_to };
    if (card.kind === 'basic') {
      const content: CardContent = { kind: 'basic', front: card.front, back: card.back, sources: card.sources, ...appliesTo };
      return { ...common, kind: 'basic', style: null, content };
    }
    const content: CardContent = {
      kind: 'interview',
      prompt: card.prompt,
      keyPoints: card.key_points,
      followUps: card.follow_ups,
      pitfalls: card.pitfalls,
      modelAnswer: card.model_answer,
      timeLimitSec: card.time_limit,
      sources: card.sources,
      ...appliesTo,
    };
    return { ...common, kind: 'interview', style: card.style, content };
  });
  return { id: file.id, title: file.title, description: file.description, family: file.family, cards };
}
