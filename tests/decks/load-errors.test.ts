import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckFileError, loadDeckFile } from '../../src/core/decks/load.js';
import { loadDeckFolder } from '../../src/core/decks/sync.js';
import { ValidationError } from '../../src/core/errors.js';

const encoder = new TextEncoder();

/** Builds a valid deck YAML whose `cards` list is the given card text, indented by two spaces. */
function deckYaml(card = basicCardYaml()): string {
  return ['id: sample', 'title: Sample deck', 'description: A deck used by tests.', 'family: system-design', 'cards:', card].join('\n');
}

function basicCardYaml({ id = 'sample-card', back = 'An answer.', sources = true } = {}): string {
  const lines = [
    `  - id: ${id}`,
    '    kind: basic',
    '    front: A question?',
    `    back: ${JSON.stringify(back)}`,
  ];
  if (sources) lines.push('    sources:', '      - title: Docs', '        url: https://example.org/docs');
  return lines.join('\n');
}

function loadError(fileName: string, bytes: Uint8Array): DeckFileError {
  try {
    loadDeckFile(fileName, bytes);
  } catch (error) {
    if (error instanceof DeckFileError) return error;
    throw error;
  }
  throw new Error(`${fileName} loaded without an error`);
}

interface ErrorCase {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  line: number;
  field: string;
  detail: RegExp;
}

const invalidUtf8 = (() => {
  const head = encoder.encode(deckYaml(basicCardYaml({ back: 'PLACEHOLDER' })));
  const text = new TextDecoder().decode(head);
  const offset = encoder.encode(text.slice(0, text.indexOf('PLACEHOLDER'))).length;
  const bytes = new Uint8Array(head);
  bytes[offset] = 0xff;
  return bytes;
})();

const cases: ErrorCase[] = [
  {
    name: 'malformed YAML',
    fileName: 'malformed.yaml',
    bytes: encoder.encode(deckYaml().replace('    front: A question?', '    front: [unclosed')),
    line: 9,
    field: '(yaml)',
    detail: /not valid YAML/,
  },
  {
    name: 'wrong type',
    fileName: 'wrong-type.yaml',
    bytes: encoder.encode(deckYaml().replace('    front: A question?', '    front: 42')),
    line: 8,
    field: 'cards[0].front',
    detail: /expected string/,
  },
  {
    name: 'duplicate id within a file',
    fileName: 'duplicate-id.yaml',
    bytes: encoder.encode(deckYaml(`${basicCardYaml()}\n${basicCardYaml()}`)),
    line: 13,
    field: 'cards[1].id',
    detail: /duplicates an earlier card id/,
  },
  {
    name: 'a 1 MB field',
    fileName: 'huge-field.yaml',
    bytes: encoder.encode(deckYaml(basicCardYaml({ back: 'x'.repeat(1024 * 1024) }))),
    line: 9,
    field: 'cards[0].back',
    detail: /at most 20000 characters/,
  },
  {
    name: 'invalid UTF-8',
    fileName: 'invalid-utf8.yaml',
    bytes: invalidUtf8,
    line: 9,
    field: '(encoding)',
    detail: /not valid UTF-8/,
  },
  {
    name: 'missing source',
    fileName: 'missing-source.yaml',
    bytes: encoder.encode(deckYaml(basicCardYaml({ sources: false }))),
    line: 6,
    field: 'cards[0].sources',
    detail: /expected array/,
  },
  {
    name: 'reserved deck id',
    fileName: 'reserved-deck.yaml',
    bytes: encoder.encode(deckYaml().replace('id: sample', 'id: my-cards')),
    line: 1,
    field: 'id',
    detail: /the id of the user's own deck/,
  },
  {
    name: 'reserved card prefix',
    fileName: 'reserved-card.yaml',
    bytes: encoder.encode(deckYaml(basicCardYaml({ id: 'my-own-card' }))),
    line: 6,
    field: 'cards[0].id',
    detail: /kept for the user's own cards/,
  },
];

describe('loadDeckFile errors', () => {
  it.each(cases)('$name names the file, line and field', ({ fileName, bytes, line, field, detail }) => {
    const error = loadError(fileName, bytes);
    expect(error.fileName).toBe(fileName);
    expect(error.line).toBe(line);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${fileName}:${line}`);
    expect(error.message).toContain(`field "${field}"`);
    expect(error.message).toMatch(detail);
  });

  it('accepts the valid base deck', () => {
    expect(loadDeckFile('valid.yaml', encoder.encode(deckYaml())).deck.cards).toHaveLength(1);
  });
});

describe('loadDeckFolder errors', () => {
  it('missing folder names the path', () => {
    const folder = join(tmpdir(), 'rehearse-no-such-deck-folder');
    expect(() => loadDeckFolder(folder)).toThrow(/deck folder .*rehearse-no-such-deck-folder cannot be read/);
  });

  it('missing folder is a validation error', () => {
    expect(() => loadDeckFolder(join(tmpdir(), 'rehearse-no-such-deck-folder'))).toThrow(ValidationError);
  });
});
