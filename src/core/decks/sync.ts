import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { inTransaction } from '../../db/connection.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Logger } from '../../log/logger.js';
import { ValidationError } from '../errors.js';
import { newMemoryState } from '../scheduling/fsrs.js';
import { assertUniqueAcrossDecks, loadDeckFile, type LoadedDeck } from './load.js';

export interface SyncReport {
  skipped: string[];
  updated: string[];
  added: number;
  changed: number;
  retired: number;
}

/** Reads and validates every `*.yaml` file in a folder. Throws DeckFileError on the first bad file, and ValidationError when the folder cannot be read. */
export function loadDeckFolder(folder: string): LoadedDeck[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ValidationError(
      `The deck folder ${folder} cannot be read (${code}). Check the path (REHEARSE_DECKS_DIR when set), or unset it to use the bundled decks.`,
    );
  }
  const names = entries
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  const decks = names.map((name) => loadDeckFile(name, readFileSync(join(folder, name))));
  assertUniqueAcrossDecks(decks);
  return decks;
}

/**
 * Brings the bundled decks into the database in one transaction, keyed on the
 * stable card id: a new id becomes a new card, changed content is rewritten in
 * place with its progress kept, a missing id is retired with its history kept,
 * and a file whose hash is unchanged is skipped.
 */
export function syncBundledDecks(db: Database, repositories: Repositories, decks: LoadedDeck[], now: number, logger: Logger): SyncReport {
  const report: SyncReport = { skipped: [], updated: [], added: 0, changed: 0, retired: 0 };
  inTransaction(db, () => {
    for (const loaded of decks) {
      const existing = repositories.decks.get(loaded.deck.id);
      if (existing && existing.contentHash === loaded.contentHash) {
        report.skipped.push(loaded.deck.id);
        continue;
      }
      syncDeck(repositories, loaded, now, report);
      report.updated.push(loaded.deck.id);
    }
  });
  if (report.updated.length > 0) logger.info('synced bundled decks', { ...report, skipped: report.skipped.length });
  return report;
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
