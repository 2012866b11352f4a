import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnabled, newPage, startServe, useServeAndBrowser } from './harness.js';

const enabled = e2eEnabled();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');


async function remaining(page: Page): Promise<{ new: number; learning: number; review: number }> {
  const read = async (id: string) => Number(await page.getByTestId(id).innerText());
  return { new: await read('remaining-new'), learning: await read('remaining-learning'), review: await read('remaining-review') };
}

async function homeTotals(page: Page): Promise<{ new: number; learning: number; review: number }> {
  const read = async (id: string) => Number(await page.getByTestId(id).innerText());
  return { new: await read('home-total-new'), learning: await read('home-total-learning'), review: await read('home-total-review') };
}

/** Runs axe-core in the page and returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  type AxeResults = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  const results = await page.evaluate(async () => {
    const page = globalThis as unknown as { axe: { run: (context: unknown) => Promise<AxeResults> }; document: unknown };
    return page.axe.run(page.document);
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe.skipIf(!enabled)('daily review in Chromium', () => {
  const session = useServeAndBrowser();

  it('reviews five cards by keyboard, undoes one and keeps counts after reload', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await expect.poll(() => page.getByTestId('home-deck-mlflow').count()).toBe(1);
    await expect.poll(() => page.getByTestId('home-deck-airflow').count()).toBe(1);
    const before = await homeTotals(page);
    expect(before.new).toBe(20);

    await page.getByRole('button', { name: /study now/i }).first().click();
    await page.getByTestId('card-front').waitFor();
    for (let index = 0; index < 5; index += 1) {
      const front = await page.getByTestId('card-front').innerText();
      await page.keyboard.press('Space');
      await page.getByTestId('card-back').waitFor();
      await page.keyboard.press(index % 2 === 0 ? '3' : '1');
      await expect.poll(async () => (await page.getByTestId('card-back').count()) === 0 || (await page.getByTestId('card-front').innerText()) !== front).toBe(true);
    }
    await expect.poll(() => remaining(page)).toMatchObject({ new: 15 });

    await page.keyboard.press('Control+z');
    // The undone card was new, so it is new again and shown at once.
    await expect.poll(() => remaining(page)).toMatchObject({ new: 16 });
    await page.getByTestId('card-front').waitFor();
    await page.reload();
    await page.getByRole('button', { name: /home/i }).first().click();
    await expect.poll(() => page.getByTestId('reviewed-today').innerText()).toContain('4');
    const after = await homeTotals(page);
    expect(after.new).toBe(16);
    await context.close();
  });

  it('daily new limit in Settings changes Home', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await page.getByRole('button', { name: /settings/i }).first().click();
    const field = page.getByLabel(/new cards per day/i);
    await field.fill('7');
    await page.getByRole('button', { name: /save/i }).click();
    await page.getByRole('button', { name: /home/i }).first().click();
    // Four new cards were answered today, so a limit of 7 leaves 3.
    await expect.poll(async () => (await homeTotals(page)).new).toBe(3);
    await context.close();
  });

  it('invalid retention is refused with a message', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await page.getByRole('button', { name: /settings/i }).first().click();
    await page.getByLabel(/desired retention/i).fill('1.5');
    await page.getByRole('button', { name: /save/i }).click();
    await expect.poll(() => page.getByText(/between 0\.70 and 0\.99/).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('progress survives a server restart', async () => {
    await session.serve.stop();
    session.serve = await startServe(session.dataDir);
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await expect.poll(() => page.getByTestId('reviewed-today').innerText()).toContain('4');
    await context.close();
  });

  it('API without the token gets 401', async () => {
    const response = await fetch(`${session.serve.origin}/api/getHome`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('Home and Review pass an axe scan', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await page.getByTestId('home-deck-mlflow').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /study now/i }).first().click();
    await page.getByTestId('card-front').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('card-back').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
