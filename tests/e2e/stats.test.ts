import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoHistory } from '../../scripts/demo-data.js';
import { e2eEnabled, launchBrowser, makeDataDir, newPage, startServe, type ServeProcess } from './harness.js';

const enabled = e2eEnabled();
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHARTS = ['readiness', 'activity', 'reviews', 'minutes', 'retention', 'forecast', 'states', 'stability', 'difficulty', 'retrievability', 'interviews'];

let browser: Browser;
let closeBrowser: () => Promise<void>;
let dataDir: ReturnType<typeof makeDataDir>;
let serve: ServeProcess;


async function openStats(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Statistics' }).click();
  await page.getByTestId('chart-activity').waitFor();
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  type AxeResults = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  const results = await page.evaluate(async () => {
    const scope = globalThis as unknown as { axe: { run: (context: unknown) => Promise<AxeResults> }; document: unknown };
    return scope.axe.run(scope.document);
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function exportFile(page: Page, label: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  const path = join(dataDir.path, `download-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe.skipIf(!enabled)('statistics in Chromium', () => {
  beforeAll(async () => {
    dataDir = makeDataDir();
    // Two months of simulated history through the real scheduler, ending now.
    await writeDemoHistory({ dataDir: join(dataDir.path, 'data'), days: 60, seed: 3, until: Date.now(), report: null });
    serve = await startServe(join(dataDir.path, 'data'));
    ({ browser, cleanup: closeBrowser } = await launchBrowser());
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await serve?.stop();
    dataDir?.cleanup();
  });

  it('every chart shows data', async () => {
    const { context, page } = await newPage(browser);
    await openStats(page, serve.url);
    for (const id of CHARTS) {
      await expect.poll(() => page.getByTestId(`chart-${id}`).locator('svg[role="img"]').count(), { message: id }).toBe(1);
    }
    const count = (selector: string) => page.locator(selector).count();
    expect(await count('[data-testid="chart-activity"] rect:is(.chart-heat-1, .chart-heat-2, .chart-heat-3, .chart-heat-4)')).toBeGreaterThan(20);
    expect(await count('[data-testid="chart-reviews"] rect.chart-good')).toBeGreaterThan(10);
    expect(await count('[data-testid="chart-minutes"] rect.chart-minutes')).toBeGreaterThan(10);
    expect(await count('[data-testid="chart-retention"] circle.chart-retention')).toBeGreaterThan(3);
    expect(await count('[data-testid="chart-forecast"] rect.chart-review')).toBeGreaterThan(5);
    expect(await count('[data-testid="chart-states"] rect.chart-review')).toBeGreaterThan(0);
    for (const id of ['stability', 'difficulty', 'retrievability']) {
      expect(await count(`[data-testid="chart-${id}"] rect.chart-${id}`), id).toBeGreaterThan(0);
    }
    expect(await count('[data-testid="chart-readiness"] rect.chart-ready, [data-testid="chart-readiness"] rect.chart-near, [data-testid="chart-readiness"] rect.chart-behind')).toBe(5);
    expect(await count('[data-testid="chart-interviews"] circle.chart-coverage')).toBeGreaterThan(1);
    expect(Number(await page.getByTestId('stats-streak').innerText().then((text) => text.split(' ')[0]))).toBeGreaterThan(0);
    await context.close();
  });

  it('range switch redraws the bars', async () => {
    const { context, page } = await newPage(browser);
    await openStats(page, serve.url);
    await page.getByText('1 year').click();
    await expect.poll(() => page.getByTestId('chart-reviews').locator('h3').innerText()).toContain('365 days');
    expect(await page.locator('[data-testid="chart-reviews"] .chart-bars > g').count()).toBe(365);
    await context.close();
  });

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)('no serious axe violations in %s', async (_name, colorScheme) => {
    const { context, page } = await newPage(browser);
    await page.emulateMedia({ colorScheme });
    await openStats(page, serve.url);
    await page.locator('summary', { hasText: 'Readiness per deck' }).click();
    await page.getByTestId('readiness-decks').waitFor();
    const theme = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: { theme?: string } } } }).document.documentElement.dataset.theme);
    expect(theme).toBe(colorScheme);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('each export downloads a file that parses', async () => {
    const { context, page } = await newPage(browser);
    await openStats(page, serve.url);

    const log = await exportFile(page, 'Review log CSV');
    const rows = Papa.parse<Record<string, string>>(log.text, { header: true, skipEmptyLines: true });
    expect(log.name).toMatch(/^rehearse-review-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows.meta.fields).toEqual(['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration']);
    expect(rows.data.length).toBeGreaterThan(100);
    expect(rows.data.some((row) => row.review_state === '2')).toBe(true);

    const progress = await exportFile(page, 'Progress CSV');
    const days = Papa.parse<Record<string, string>>(progress.text, { header: true, skipEmptyLines: true });
    expect(days.meta.fields?.slice(0, 2)).toEqual(['date', 'reviews']);
    expect(days.data.length).toBeGreaterThan(20);

    const backup = await exportFile(page, 'Full backup (JSON)');
    const file = JSON.parse(backup.text);
    expect(file.format).toBe('rehearse-export');
    expect(file.schemaVersion).toBe(2);
    expect(file.tables.reviewLog.rows).toHaveLength(rows.data.length);

    const report = await exportFile(page, 'Report (HTML)');
    expect(report.text.startsWith('<!doctype html>')).toBe(true);
    expect(report.text.match(/<svg /g)).toHaveLength(CHARTS.length);
    await expect.poll(() => page.getByTestId('transfer-status').innerText()).toContain('Downloaded');
    await context.close();
  });

  it('backup imports into an empty folder only', async () => {
    const { context, page } = await newPage(browser);
    await openStats(page, serve.url);
    const backup = await exportFile(page, 'Full backup (JSON)');
    const backupPath = join(dataDir.path, `download-${backup.name}`);
    const sourceTotal = await page.getByTestId('stats-today-answers').locator('..').innerText();

    // The import button sits at the end of a long page, so the reason must not appear only at its top.
    await page.getByRole('button', { name: 'Import backup…' }).scrollIntoViewIfNeeded();
    await page.getByTestId('import-file').setInputFiles(backupPath);
    await expect.poll(() => page.getByTestId('error-banner').innerText()).toContain('already contains progress');
    const banner = await page.getByTestId('error-banner').boundingBox();
    expect(banner!.y).toBeGreaterThanOrEqual(0);
    expect(banner!.y + banner!.height).toBeLessThanOrEqual(page.viewportSize()!.height);

    const empty = join(dataDir.path, 'empty');
    const second = await startServe(empty);
    try {
      const other = await context.newPage();
      await openStats(other, second.url);
      await other.getByTestId('import-file').setInputFiles(backupPath);
      await expect.poll(() => other.getByTestId('transfer-status').innerText()).toContain(`Imported ${JSON.parse(backup.text).tables.reviewLog.rows.length} answers`);
      await expect.poll(() => other.getByTestId('stats-today-answers').locator('..').innerText()).toBe(sourceTotal);
    } finally {
      await second.stop();
    }
    await context.close();
  });
});
