import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { inTransaction } from '../../db/connection.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Logger } from '../../log/logger.js';
import { ValidationError } from '../errors.js';
import { newMemoryState } from '../scheduling/fsrs.js';
import { assertUniqueAcrossDecks, DeckFileError, loadDeckFile, type LoadedDeck } from './load.js';

export interface SyncReport {
  skipped: string[];
  updated: string[];
  added: number;
  changed: number;
  retired: number;
}

/** A deck file's bytes with their SHA-256, read before anything is parsed. */
export interface DeckFile {
  fileName: string;
  bytes: Buffer;
  contentHash: string;
}

/** Reads every `*.yaml` file of a folder and hashes it; throws ValidationError when the folder cannot be read. */
export function readDeckFolder(folder: string): DeckFile[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ValidationError(
      `The deck folder ${folder} cannot be read (${code}). Check the path (REHEARSE_DECKS_DIR when set), or unset it to use the bundled decks.`,
    );
  }
  return entries
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((fileName) => {
      const bytes = readFileSync(join(folder, fileName));
      return { fileName, bytes, contentHash: createHash('sha256').update(bytes).digest('hex') };
    });
}

/** Reads and validates every deck file of a folder. Throws DeckFileError on the first bad file. */
export function loadDeckFolder(folder: string): LoadedDeck[] {
  const decks = readDeckFolder(folder).map((file) => loadDeckFile(file.fileName, file.bytes));
  assertUniqueAcrossDecks(decks);
  return decks;
}

/**
 * Brings the bundled deck files into the database in one transaction, keyed on
 * the stable card id: a new id becomes a new card, changed content is rewritten
 * in place with its progress kept, and a missing id is retired with its history
 * kept. A file whose name and hash match the last sync is not even parsed, so
 * start-up stays fast with large decks.
 */
export function syncDeckFiles(db: Database, repositories: Repositories, files: DeckFile[], now: number, logger: Logger): SyncReport {
  const synced = new Map<string, string | null>();
  for (const deck of repositories.decks.list()) if (deck.fileName !== null) synced.set(deck.fileName, deck.contentHash);
  const unchanged = files.filter((file) => synced.get(file.fileName) === file.contentHash);
  const changed = files.filter((file) => synced.get(file.fileName) !== file.contentHash);
  const loaded = changed.map((file) => loadDeckFile(file.fileName, file.bytes));
  assertUniqueAcrossDecks(loaded);
  assertNoClashWithStoredDecks(repositories, loaded);

  const report: SyncReport = { skipped: unchanged.map((file) => file.fileName), updated: [], added: 0, changed: 0, retired: 0 };
  inTransaction(db, () => {
    for (const deck of loaded) {
      syncDeck(repositories, deck, now, report);
      report.updated.push(deck.deck.id);
    }
  });
  if (report.updated.length > 0) logger.info('synced bundled decks', { ...report, skipped: report.skipped.length });
  return report;
}

/** Rejects a changed deck that reuses a card id owned by a deck that is not changing. */
function assertNoClashWithStoredDecks(repositories: Repositories, loaded: LoadedDeck[]): void {
  const changingDecks = new Set(loaded.map((deck) => deck.deck.id));
  for (const { deck, fileName } of loaded) {
    for (const card of deck.cards) {
      const stored = repositories.cards.get(card.id);
      if (!stored || stored.retiredAt !== null || changingDecks.has(stored.deckId)) continue;
      const owner = repositories.decks.get(stored.deckId);
      throw new DeckFileError(fileName, null, 'cards.id', card.id, `duplicates a card id already used in ${owner?.fileName ?? `deck "${stored.deckId}"`}; give the card a new id`);
    }
  }
}

function syncDeck(repositories: Repositories, loaded: LoadedDeck, now: number, report: SyncReport): void {
  const { deck } = loaded;
  repositories.decks.upsert({
    id: deck.id,
    title: deck.title,
    description: deck.description,
    family: deck.family,
    source: 'bundled',
    contentHash: loaded.contentHash,
    fileName: loaded.fileName,
    updatedAt: now,
  });
  const previous = new Map(repositories.cards.listOfDeck(deck.id).map((card) => [card.id, card]));
  deck.cards.forEach((card, position) => {
    const write = {
      id: card.id,
      deckId: deck.id,
      kind: card.kind,
      family: card.family,
      style: card.style,
      content: JSON.stringify(card.content),
      tags: card.tags,
      position,
    };
    const old = previous.get(card.id) ?? repositories.cards.get(card.id);
    previous.delete(card.id);
    if (!old) {
      repositories.cards.insert(write, now);
      report.added += 1;
    } else {
      repositories.cards.update(write, now);
      report.changed += 1;
    }
    repositories.states.insertIfMissing(card.id, newMemoryState(now));
  });
  for (const gone of previous.values()) {
    if (gone.retiredAt === null) {
      repositories.cards.retire(gone.id, now);
      report.retired += 1;
    }
  }
}
