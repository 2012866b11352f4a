// Validates the deck files named on the command line (default: every file in decks/)
// and prints each deck's card counts. Exits 1 on the first invalid file.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assertUniqueAcrossDecks, loadDeckFile, type LoadedDeck } from '../src/core/decks/load.js';

const files = process.argv.slice(2);
const paths = files.length > 0 ? files : readdirSync('decks').filter((name) => name.endsWith('.yaml')).map((name) => join('decks', name));
const loaded: LoadedDeck[] = [];
try {
  for (const path of paths) loaded.push(loadDeckFile(basename(path), readFileSync(path)));
  assertUniqueAcrossDecks(loaded);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
for (const { deck, fileName } of loaded) {
  const basic = deck.cards.filter((card) => card.kind === 'basic').length;
  const styles = deck.cards.flatMap((card) => (card.style ? [card.style] : []));
  console.log(`${fileName}: ${basic} basic, ${styles.length} interview (${styles.join(', ')})`);
}
