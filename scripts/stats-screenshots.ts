// Takes the Statistics screenshots (docs/screenshots/stats.png and stats-dark.png, the whole page at
// 1000 px wide) on 200 days of simulated history ending now. Run after `npm run build`:
//   npx tsx scripts/stats-screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { configureLogging } from '../src/log/logger.js';
import { launchBrowser, makeDataDir, startServe } from '../tests/e2e/harness.js';
import { writeDemoHistory } from './demo-data.js';

const OUTPUT = 'docs/screenshots';

async function main(): Promise<void> {
  configureLogging({ level: 'warn' });
  mkdirSync(OUTPUT, { recursive: true });
  const root = makeDataDir();
  const dataDir = join(root.path, 'data');
  await writeDemoHistory({ dataDir, days: 200, seed: 7, until: Date.now(), report: null });
  const serve = await startServe(dataDir);
  const { browser, cleanup } = await launchBrowser();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, colorScheme: scheme });
      await page.goto(serve.url);
      await page.getByRole('button', { name: 'Statistics' }).click();
      await page.getByTestId('chart-interviews').waitFor();
      await page.screenshot({ path: `${OUTPUT}/stats${scheme === 'light' ? '' : '-dark'}.png`, fullPage: true });
      await page.close();
    }
  } finally {
    await cleanup();
    await serve.stop();
    root.cleanup();
  }
}

await main();
