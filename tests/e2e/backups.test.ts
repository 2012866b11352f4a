import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eEnabled, newPage, useServeAndBrowser } from './harness.js';

const enabled = e2eEnabled();


async function goTo(page: Page, screen: 'Home' | 'Review' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
}

/** Opens Home and waits until it shows `count` answers today; Home loads its counts after it renders. */
async function expectReviewedToday(page: Page, count: number): Promise<void> {
  await goTo(page, 'Home');
  await expect.poll(async () => Number(await page.getByTestId('reviewed-today').innerText())).toBe(count);
}

/** Reveals the card on screen with Space and rates it Good with 3, as a user does. */
async function answerShownCard(page: Page): Promise<void> {
  const front = await page.getByTestId('card-front').innerText();
  await page.keyboard.press('Space');
  await page.getByTestId('card-back').waitFor();
  await page.keyboard.press('3');
  await expect
    .poll(async () => (await page.getByTestId('card-back').count()) === 0 || (await page.getByTestId('card-front').innerText()) !== front)
    .toBe(true);
}

describe.skipIf(!enabled)('backups in Chromium', () => {
  const session = useServeAndBrowser();

  it('restoring a backup brings back its count', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await page.getByRole('button', { name: /study now/i }).first().click();
    await page.getByTestId('card-front').waitFor();
    await answerShownCard(page);
    await expectReviewedToday(page, 1);

    // Back up by keyboard: focus the button and press Enter.
    await goTo(page, 'Settings');
    const backUp = page.getByRole('button', { name: 'Back up now' });
    await backUp.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Backed up at' }).count()).toBe(1);
    const rows = page.getByTestId('backup-row');
    const backupsBefore = await rows.count();

    await goTo(page, 'Review');
    await page.getByTestId('card-front').waitFor();
    await answerShownCard(page);
    await expectReviewedToday(page, 2);

    // The manual backup is the newest, so it heads the list.
    await goTo(page, 'Settings');
    await rows.first().getByRole('button', { name: /^Restore the backup from/ }).click();
    const confirmation = page.getByRole('group', { name: /^Restore the backup from .*\?$/ });
    await expect.poll(() => confirmation.innerText()).toContain('backs up your current state first');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/^Restored the backup from/).count()).toBe(1);
    // The restore first backed up the state with two answers, which is now the newest backup.
    await expect.poll(() => rows.count()).toBe(backupsBefore + 1);
    expect(await rows.first().innerText()).toContain('Before restore');
    expect(await rows.nth(1).innerText()).toContain('On request');

    await expectReviewedToday(page, 1);
    await page.reload();
    await expectReviewedToday(page, 1);
    await context.close();
  });

  it('Escape cancels a restore', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
    await goTo(page, 'Settings');
    const rows = page.getByTestId('backup-row');
    await rows.first().waitFor();
    await expectReviewedToday(page, 1);

    await goTo(page, 'Settings');
    await rows.last().getByRole('button', { name: /^Restore the backup from/ }).click();
    await page.keyboard.press('Escape');

    await expect.poll(() => page.getByRole('group').count()).toBe(0);
    await expectReviewedToday(page, 1);
    await context.close();
  });
});
