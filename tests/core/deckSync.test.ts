import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard } from '../../src/core/review/service.js';
import { configureLogging } from '../../src/log/logger.js';
import { basicDeckYaml, openTempApp, type TempApp } from '../helpers/tempApp.js';

const START = Date.parse('2026-06-01T12:00:00Z');
let handle: TempApp;
afterEach(() => handle?.cleanup());

const VERSION_1 = basicDeckYaml('sync', 2);
const VERSION_2 = VERSION_1.replace('Question 1 of sync?', 'Question 1 of sync, edited?').replace(/ {2}- id: sync-2[\s\S]*$/, '') +
  `  - id: sync-3
    kind: basic
    front: A new question?
    back: A new answer.
    sources:
      - title: Example source
        url: https://example.org/sync/3
`;

function count(sql: string, ...parameters: unknown[]): number {
  return (handle.app.db.prepare(sql).get(...parameters) as { n: number }).n;
}

describe('deck sync', () => {
  it('warns about an empty deck folder', () => {
    const lines: Record<string, unknown>[] = [];
    configureLogging({ level: 'warn', sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    try {
      handle = openTempApp({ decks: {}, start: START });
    } finally {
      configureLogging({ level: 'error', sink: () => undefined });
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', decksDir: handle.decksDir });
    expect(String(lines[0]!.message)).toContain('no deck files found');
    expect(String(lines[0]!.help)).toContain('REHEARSE_DECKS_DIR');
  });

  it('keeps progress by id across edits, additions and removals', () => {
    handle = openTempApp({ decks: { 'sync.yaml': VERSION_1 }, start: START });
    answerCard(handle.app.context, { deckId: null, cardId: 'sync-1', rating: 3, requestId: 'sync-request-1', durationMs: 1000 });
    answerCard(handle.app.context, { deckId: null, cardId: 'sync-2', rating: 3, requestId: 'sync-request-2', durationMs: 1000 });
    const stateOfA = handle.app.context.repositories.states.get('sync-1');

    writeFileSync(join(handle.decksDir, 'sync.yaml'), VERSION_2);
    handle.clock.now += 60_000;
    const app = handle.reopen();

    expect(app.syncReport.added).toBe(1);
    expect(app.syncReport.retired).toBe(1);
    const a = app.context.repositories.cards.get('sync-1')!;
    expect(JSON.parse(a.content).front).toBe('Question 1 of sync, edited?');
    expect(app.context.repositories.states.get('sync-1')).toEqual(stateOfA);
    expect(count("SELECT COUNT(*) AS n FROM review_log WHERE card_id = 'sync-1'")).toBe(1);
    expect(app.context.repositories.cards.get('sync-2')!.retiredAt).toBe(handle.clock.now);
    expect(count("SELECT COUNT(*) AS n FROM review_log WHERE card_id = 'sync-2'")).toBe(1);
    expect(app.context.repositories.states.get('sync-3')!.state).toBe(0);
  });

  it('skips an unchanged file by its hash', () => {
    handle = openTempApp({ decks: { 'sync.yaml': VERSION_1 }, start: START });
    const app = handle.reopen();
    expect(app.syncReport.skipped).toEqual(['sync.yaml']);
    expect(app.syncReport.updated).toEqual([]);
  });

  it('invalid deck names file, card and field and writes nothing', () => {
    handle = openTempApp({ decks: { 'sync.yaml': VERSION_1 }, start: START });
    const broken = VERSION_2.replace('back: A new answer.', 'back: ""');
    writeFileSync(join(handle.decksDir, 'sync.yaml'), broken);
    handle.app.close();
    let message = '';
    try {
      handle.reopen();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('sync.yaml:');
    expect(message).toContain('card "sync-3"');
    expect(message).toContain('back');
    // Restore a valid folder so the handle can reopen and inspect what was written.
    writeFileSync(join(handle.decksDir, 'sync.yaml'), VERSION_1);
    const app = handle.reopen();
    expect(app.context.repositories.cards.get('sync-3')).toBeNull();
  });

  it('duplicate card id across files is rejected', () => {
    handle = openTempApp({ decks: { 'sync.yaml': VERSION_1 }, start: START });
    writeFileSync(join(handle.decksDir, 'copy.yaml'), VERSION_1.replace('id: sync\n', 'id: copy\n'));
    expect(() => handle.reopen()).toThrow(/copy\.yaml \(card "sync-1"\): field "cards.id" duplicates a card id already used in sync\.yaml/);
    rmSync(join(handle.decksDir, 'copy.yaml'));
    handle.reopen();
  });

  it('card moved between changed decks keeps progress', () => {
    handle = openTempApp({ decks: { 'sync.yaml': VERSION_1, 'other.yaml': basicDeckYaml('other', 1) }, start: START });
    answerCard(handle.app.context, { deckId: null, cardId: 'sync-2', rating: 3, requestId: 'move-request-1', durationMs: 1000 });
    const state = handle.app.context.repositories.states.get('sync-2');
    // sync-2 leaves sync.yaml and joins other.yaml in the same release.
    const moved = VERSION_1.slice(VERSION_1.indexOf('  - id: sync-2'));
    writeFileSync(join(handle.decksDir, 'sync.yaml'), VERSION_1.slice(0, VERSION_1.indexOf('  - id: sync-2')));
    writeFileSync(join(handle.decksDir, 'other.yaml'), basicDeckYaml('other', 1) + moved);
    const app = handle.reopen();
    expect(app.context.repositories.cards.get('sync-2')!.deckId).toBe('other');
    expect(app.context.repositories.cards.get('sync-2')!.retiredAt).toBeNull();
    expect(app.context.repositories.states.get('sync-2')).toEqual(state);
  });
});
