import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertUniqueAcrossDecks, loadDeckFile, type LoadedDeck } from '../../src/core/decks/load.js';

const DECKS_DIR = join(import.meta.dirname, '..', '..', 'decks');
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const deckFiles = readdirSync(DECKS_DIR).filter((name) => name.endsWith('.yaml')).sort();

function loadAll(): LoadedDeck[] {
  return deckFiles.map((name) => loadDeckFile(name, readFileSync(join(DECKS_DIR, name))));
}

/** Yields every string, array and object in a parsed YAML value with its dotted path. */
function* walk(value: unknown, path: string): Generator<{ path: string; value: unknown }> {
  yield { path, value };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* walk(item, `${path}[${index}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* walk(item, path === '' ? key : `${path}.${key}`);
  }
}

describe('bundled decks', () => {
  it('has at least one deck file', () => {
    expect(deckFiles.length).toBeGreaterThan(0);
  });

  it.each(deckFiles)('loads %s', (name) => {
    expect(() => loadDeckFile(name, readFileSync(join(DECKS_DIR, name)))).not.toThrow();
  });

  it('uses each card id once across all decks', () => {
    expect(() => assertUniqueAcrossDecks(loadAll())).not.toThrow();
  });

  it('uses slugs for deck and card ids', () => {
    for (const { deck } of loadAll()) {
      expect(deck.id, `deck id in ${deck.id}`).toMatch(SLUG);
      for (const card of deck.cards) expect(card.id, `card id in deck ${deck.id}`).toMatch(SLUG);
    }
  });

  it.each(deckFiles)('has no empty field in %s', (name) => {
    const raw: unknown = parse(readFileSync(join(DECKS_DIR, name), 'utf8'));
    for (const { path, value } of walk(raw, '')) {
      if (typeof value === 'string') expect(value.trim(), `${name}: ${path}`).not.toBe('');
      if (Array.isArray(value) && !path.endsWith('.tags')) expect(value.length, `${name}: ${path}`).toBeGreaterThan(0);
      expect(value, `${name}: ${path}`).not.toBeNull();
    }
  });

  it('gives every interview prompt a complete rubric', () => {
    for (const { deck, fileName } of loadAll()) {
      for (const card of deck.cards) {
        const content = card.content;
        if (content.kind !== 'interview') continue;
        const where = `${fileName} card "${card.id}"`;
        expect(card.style, where).not.toBeNull();
        expect(content.prompt.trim(), `${where} prompt`).not.toBe('');
        expect(content.timeLimitSec, `${where} time_limit`).toBeGreaterThan(0);
        expect(content.keyPoints.length, `${where} key_points`).toBeGreaterThanOrEqual(4);
        expect(content.keyPoints.length, `${where} key_points`).toBeLessThanOrEqual(8);
        expect(content.followUps.length, `${where} follow_ups`).toBeGreaterThanOrEqual(2);
        expect(content.followUps.length, `${where} follow_ups`).toBeLessThanOrEqual(4);
        expect(content.pitfalls.length, `${where} pitfalls`).toBeGreaterThan(0);
        expect(content.modelAnswer.trim(), `${where} model_answer`).not.toBe('');
        for (const [index, keyPoint] of content.keyPoints.entries()) {
          expect(keyPoint.point.trim(), `${where} key_points[${index}].point`).not.toBe('');
          expect(keyPoint.phrases.length, `${where} key_points[${index}].phrases`).toBeGreaterThan(0);
          for (const phrase of keyPoint.phrases) {
            expect(phrase.trim(), `${where} key_points[${index}] phrase`).not.toBe('');
          }
        }
      }
    }
  });

  it('cites at least one https source on every card', () => {
    for (const { deck, fileName } of loadAll()) {
      for (const card of deck.cards) {
        expect(card.content.sources.length, `${fileName} card "${card.id}"`).toBeGreaterThan(0);
        for (const source of card.content.sources) expect(source.url, `${fileName} card "${card.id}"`).toMatch(/^https:\/\//);
      }
    }
  });
});
