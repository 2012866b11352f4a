// Takes screenshots of Home, Review (answer shown, with the four interval
// buttons) and Settings into docs/screenshots/, in light and dark, from a
// fresh data folder. Run after `npm run build`: npx tsx scripts/screenshots.ts
import { mkdirSync } from 'node:fs';
import { launchBrowser, makeDataDir, startServe } from '../tests/e2e/harness.js';

const OUTPUT = 'docs/screenshots';

async function main(): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const dataDir = makeDataDir();
  const serve = await startServe(dataDir.path);
  const { browser, cleanup } = await launchBrowser();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const suffix = scheme === 'light' ? '' : '-dark';
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, colorScheme: scheme });
      await page.goto(serve.url);
      await page.getByTestId('home-deck-mlflow').waitFor();
      await page.screenshot({ path: `${OUTPUT}/home${suffix}.png` });
      await page.getByRole('button', { name: /study now/i }).first().click();
      await page.getByTestId('card-front').waitFor();
      await page.keyboard.press('Space');
      await page.getByTestId('card-back').waitFor();
      await page.screenshot({ path: `${OUTPUT}/review${suffix}.png` });
      await page.getByRole('button', { name: /^settings$/i }).first().click();
      await page.getByLabel(/new cards per day/i).waitFor();
      await page.screenshot({ path: `${OUTPUT}/settings${suffix}.png` });
      await page.close();
    }
  } finally {
    await cleanup();
    await serve.stop();
    dataDir.cleanup();
  }
}

await main();
