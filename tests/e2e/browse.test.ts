import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnabled, newPage, useServeAndBrowser } from './harness.js';

const enabled = e2eEnabled();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = process.env.REHEARSE_BROWSE_SCREENSHOTS;


/** Runs axe-core in the page, colour contrast included, and returns the serious and critical violations. */
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

async function mlflowNewCount(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  const cell = page.getByTestId('home-deck-mlflow').getByRole('cell').first();
  await cell.waitFor();
  return Number(await cell.innerText());
}

async function openBrowse(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Browse', exact: true }).click();
  await page.getByRole('listbox', { name: 'Cards' }).waitFor();
}

/** Searches from the keyboard and waits until the list shows the narrower result. */
async function search(page: Page, text: string): Promise<void> {
  const before = await page.getByTestId('browse-range').innerText();
  await page.keyboard.press('/');
  await page.keyboard.type(text);
  await expect.poll(() => page.getByTestId('browse-range').innerText()).not.toBe(before);
}

describe.skipIf(!enabled)('browse in Chromium', () => {
  const session = useServeAndBrowser();

  it('suspending a card lowers its deck on Home', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    // The daily limit of 20 new cards would clip MLflow's count, so lift it first.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel(/new cards per day/i).fill('9999');
    await page.getByRole('button', { name: /save settings/i }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /saved/i }).count()).toBeGreaterThan(0);
    const before = await mlflowNewCount(page);
    expect(before).toBeGreaterThan(20);

    await openBrowse(page);
    await search(page, 'alias');
    const row = page.getByTestId('browse-row').filter({ hasText: 'champion' }).filter({ hasText: 'MLflow' }).first();
    await row.click();
    const detail = page.getByTestId('browse-detail');
    await detail.getByRole('heading', { level: 2 }).filter({ hasText: 'champion' }).waitFor();
    await detail.getByRole('button', { name: /^Suspend/ }).click();
    await expect.poll(() => row.innerText()).toContain('Suspended');
    await detail.getByRole('button', { name: /^Unsuspend/ }).waitFor();

    expect(await mlflowNewCount(page)).toBe(before - 1);

    await openBrowse(page);
    await page.getByRole('checkbox', { name: 'Suspended' }).check();
    await expect.poll(() => page.getByTestId('browse-range').innerText()).toBe('Cards 1–1 of 1');
    await page.getByRole('listbox', { name: 'Cards' }).focus();
    await page.keyboard.press('s');
    await expect.poll(() => page.getByTestId('browse-status').innerText()).toMatch(/^Unsuspended/);
    expect(await mlflowNewCount(page)).toBe(before);
    await context.close();
  });

  it('keyboard moves, opens and studies', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await openBrowse(page);
    await page.getByTestId('browse-row').first().waitFor();

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');

    const second = await page.getByTestId('browse-row').nth(1).innerText();
    const heading = page.getByTestId('browse-detail').getByRole('heading', { level: 2 });
    const isFocused = () =>
      heading.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
    await expect.poll(isFocused).toBe(true);
    expect(second).toContain(await heading.innerText());

    await page.getByRole('button', { name: /study this deck/i }).click();
    await page.getByTestId('card-front').waitFor();
    await context.close();
  });

  it('interview prompt shows its rubric', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await openBrowse(page);
    await page.getByRole('checkbox', { name: 'Interview prompts' }).check();
    await expect.poll(() => page.getByTestId('browse-row').first().innerText()).toContain('Prompt');

    await page.getByTestId('browse-row').first().click();

    const detail = page.getByTestId('browse-detail');
    for (const heading of ['Key points', 'Follow-up questions', 'Pitfalls', 'Model answer', 'Sources']) {
      await expect.poll(() => detail.getByRole('heading', { name: heading }).count(), { message: heading }).toBe(1);
    }
    expect(await detail.getByRole('link').count()).toBeGreaterThan(0);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('fits 1000×700 and passes axe in %s', async (scheme) => {
    const { context, page } = await newPage(session.browser, 1000, 700);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(session.serve.url);
    await openBrowse(page);
    await search(page, 'registry');
    await page.getByTestId('browse-row').first().click();
    await page.getByTestId('browse-detail').getByRole('heading', { level: 2 }).waitFor();

    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/browse-${scheme}.png` });
    await context.close();
  });
});
