// Lints the bundled decks in decks/ (or the directory given as the first argument):
// per-deck card counts, cards without a source, duplicate and near-duplicate fronts,
// and the totals against the content targets.
//
// Usage: npm run decks:lint [-- [--strict] [DIR]]
// Exits 1 on an invalid file, a card id used twice, or two basic cards with the same front.
// Totals below target are warnings, or errors with --strict.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertUniqueAcrossDecks, loadDeckFile, type LoadedDeck } from '../src/core/decks/load.js';
import {
  basicFronts,
  checkTargets,
  countCards,
  findDuplicateFronts,
  type CardCounts,
  type DuplicateFront,
  type TargetResult,
} from '../src/core/decks/lint.js';

interface Options {
  directory: string;
  strict: boolean;
}

interface Report {
  errors: string[];
  warnings: string[];
}

function parseOptions(argv: string[]): Options {
  const strict = argv.includes('--strict');
  const positional = argv.filter((arg) => !arg.startsWith('--'));
  return { directory: positional[0] ?? 'decks', strict };
}

function listDeckFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
}

/** Loads every deck file, recording each invalid one as an error instead of stopping at the first. */
function loadDecks(directory: string, report: Report): LoadedDeck[] {
  const loaded: LoadedDeck[] = [];
  for (const name of listDeckFiles(directory)) {
    try {
      loaded.push(loadDeckFile(name, readFileSync(join(directory, name))));
    } catch (error) {
      report.errors.push((error as Error).message);
    }
  }
  return loaded;
}

function formatCounts(counts: Partial<Record<string, number>>): string {
  const entries = Object.entries(counts).sort(([left], [right]) => left.localeCompare(right));
  return entries.length === 0 ? 'none' : entries.map(([key, value]) => `${key} ${value}`).join(', ');
}

function printDeckSummary({ deck, fileName }: LoadedDeck): void {
  const counts = countCards(deck.cards);
  console.log(`${fileName} (${deck.id}): ${deck.cards.length} cards`);
  console.log(`  kind:   basic ${counts.basic}, interview ${counts.interview}`);
  console.log(`  style:  ${formatCounts(counts.byStyle)}`);
  console.log(`  family: ${formatCounts(counts.byFamily)}`);
  const missing = counts.withoutSource.length === 0 ? 'none' : counts.withoutSource.join(', ');
  console.log(`  cards without a source: ${missing}`);
}

function reportMissingSources(decks: LoadedDeck[], report: Report): void {
  for (const { deck, fileName } of decks) {
    for (const id of countCards(deck.cards).withoutSource) {
      report.warnings.push(`${fileName}: card "${id}" has no source`);
    }
  }
}

function describeDuplicate({ first, second, similarity }: DuplicateFront): string {
  const percent = Math.round(similarity * 100);
  return `${first.fileName} "${first.cardId}" and ${second.fileName} "${second.cardId}" (${percent}% similar):\n    ${first.front}\n    ${second.front}`;
}

function reportDuplicateFronts(decks: LoadedDeck[], report: Report): void {
  const duplicates = findDuplicateFronts(basicFronts(decks));
  console.log(`\nDuplicate or near-duplicate fronts: ${duplicates.length === 0 ? 'none' : duplicates.length}`);
  for (const duplicate of duplicates) {
    const line = describeDuplicate(duplicate);
    console.log(`  ${duplicate.exact ? 'EXACT' : 'near'}: ${line}`);
    if (duplicate.exact) report.errors.push(`Duplicate front: ${line}`);
    else report.warnings.push(`Near-duplicate front: ${line}`);
  }
}

function reportUniqueIds(decks: LoadedDeck[], report: Report): void {
  try {
    assertUniqueAcrossDecks(decks);
  } catch (error) {
    report.errors.push((error as Error).message);
  }
}

function totalCounts(decks: LoadedDeck[]): CardCounts {
  return countCards(decks.flatMap(({ deck }) => deck.cards));
}

function reportTargets(totals: CardCounts, strict: boolean, report: Report): void {
  console.log(`\nTotals over all decks:`);
  console.log(`  interview prompts by family: ${formatCounts(totals.interviewByFamily)}`);
  console.log(`  interview prompts by style:  ${formatCounts(totals.byStyle)}`);
  const results: TargetResult[] = checkTargets(totals);
  for (const result of results) {
    const status = result.met ? 'ok' : 'BELOW TARGET';
    console.log(`  ${result.label}: ${result.actual} of at least ${result.target} (${status})`);
    if (result.met) continue;
    const message = `${result.label}: ${result.actual}, below the target of ${result.target}`;
    if (strict) report.errors.push(message);
    else report.warnings.push(message);
  }
}

function printReport(report: Report): void {
  if (report.warnings.length > 0) {
    console.log(`\n${report.warnings.length} warning(s):`);
    for (const warning of report.warnings) console.log(`  warning: ${warning}`);
  }
  if (report.errors.length > 0) {
    console.error(`\n${report.errors.length} error(s):`);
    for (const error of report.errors) console.error(`  error: ${error}`);
  }
}

function main(): number {
  const options = parseOptions(process.argv.slice(2));
  const report: Report = { errors: [], warnings: [] };
  const decks = loadDecks(options.directory, report);
  for (const loaded of decks) printDeckSummary(loaded);
  reportUniqueIds(decks, report);
  reportMissingSources(decks, report);
  reportDuplicateFronts(decks, report);
  reportTargets(totalCounts(decks), options.strict, report);
  printReport(report);
  return report.errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
