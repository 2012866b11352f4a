import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractSnippets, type Snippet } from '../../src/core/decks/lint.js';
import { loadDeckFile } from '../../src/core/decks/load.js';

const DECKS_DIR = join(import.meta.dirname, '..', '..', 'decks');

interface LocatedSnippet extends Snippet {
  fileName: string;
}

function allSnippets(): LocatedSnippet[] {
  const names = readdirSync(DECKS_DIR).filter((name) => name.endsWith('.yaml')).sort();
  return names.flatMap((fileName) => {
    const { deck } = loadDeckFile(fileName, readFileSync(join(DECKS_DIR, fileName)));
    return extractSnippets(deck.cards).map((snippet) => ({ ...snippet, fileName }));
  });
}

function describeSnippet(snippet: LocatedSnippet): string {
  return `${snippet.fileName} card "${snippet.cardId}" field ${snippet.field}`;
}

// Reads a JSON list of {label, code} on stdin and prints a JSON list of the snippets that do not parse.
const PYTHON_CHECKER = `
import ast, json, sys
failures = []
for item in json.load(sys.stdin):
    try:
        ast.parse(item["code"], filename=item["label"])
    except SyntaxError as error:
        failures.append({"label": item["label"], "error": f"line {error.lineno}: {error.msg}"})
print(json.dumps(failures))
`;

/** Compiles every Python snippet in one python3 process and returns the ones with a syntax error. */
function compilePython(snippets: LocatedSnippet[]): { label: string; error: string }[] {
  const input = JSON.stringify(snippets.map((snippet) => ({ label: describeSnippet(snippet), code: snippet.code })));
  const result = spawnSync('python3', ['-c', PYTHON_CHECKER], { input, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`python3 exited with ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as { label: string; error: string }[];
}

describe('code snippets on bundled cards', () => {
  const snippets = allSnippets();

  it('finds snippets to check', () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  it('tags every fenced block with a language', () => {
    const untagged = snippets.filter((snippet) => snippet.language === '').map(describeSnippet);
    expect(untagged).toEqual([]);
  });

  it('parses every yaml block', () => {
    const failures: string[] = [];
    for (const snippet of snippets.filter((item) => item.language === 'yaml' || item.language === 'yml')) {
      try {
        parse(snippet.code);
      } catch (error) {
        failures.push(`${describeSnippet(snippet)}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('parses every json block', () => {
    const failures: string[] = [];
    for (const snippet of snippets.filter((item) => item.language === 'json')) {
      try {
        JSON.parse(snippet.code);
      } catch (error) {
        failures.push(`${describeSnippet(snippet)}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('reports the card of a python block that does not compile', () => {
    const broken: LocatedSnippet = { fileName: 'broken.yaml', cardId: 'broken-card', field: 'back', language: 'python', code: 'def f(:\n' };
    expect(compilePython([broken])).toEqual([{ label: 'broken.yaml card "broken-card" field back', error: expect.stringMatching(/^line 1: /) as unknown }]);
  });

  it('compiles every python block with python3', () => {
    const python = snippets.filter((item) => item.language === 'python' || item.language === 'py');
    expect(compilePython(python)).toEqual([]);
  });
});
