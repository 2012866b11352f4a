import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewDeckYaml, REALISTIC_RAPID_PROMPTS } from '../helpers/interviewDecks.js';
import { basicDeckYaml } from '../helpers/tempApp.js';
import { e2eEnabled, launchBrowser, makeDataDir, newPage, startServe, type ServeProcess } from './harness.js';

const enabled = e2eEnabled();
const START = Date.parse('2026-06-01T09:00:00Z');
// REHEARSE_SCREENSHOTS=1 rewrites docs/screenshots/interview-*.png from this run; without it the
// test leaves the tracked pictures alone.
const SCREENSHOTS = process.env.REHEARSE_SCREENSHOTS === '1' ? 'docs/screenshots' : null;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let closeBrowser: () => Promise<void>;
let folder: ReturnType<typeof makeDataDir>;
let serve: ServeProcess;


/** Writes the decks this test serves: eight rapid prompts and a small flashcard deck. */
function writeDecks(root: string): string {
  const decks = join(root, 'decks');
  mkdirSync(decks);
  writeFileSync(join(decks, 'serving.yaml'), interviewDeckYaml('mlops', REALISTIC_RAPID_PROMPTS, 'deployment-and-serving', 'MLOps essentials'));
  writeFileSync(join(decks, 'basics.yaml'), basicDeckYaml('basics', 3));
  return decks;
}

async function openInterview(page: Page) {
  await page.getByRole('button', { name: 'Interview', exact: true }).click();
  // React commits a resolved lazy screen on a timer, and the page clock is paused:
  // move page time on until the chunk has loaded and the screen shows.
  const heading = page.getByRole('heading', { name: 'Mock interview' });
  await expect
    .poll(async () => {
      await page.clock.runFor(300);
      return heading.isVisible();
    }, { timeout: 15_000 })
    .toBe(true);
}

async function answer(page: Page, text: string) {
  await page.getByLabel('Your answer, as you would say it').fill(text);
  // Past the save delay, so the debounced save goes out.
  await page.clock.runFor(600);
  await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Saved');
}

const byPrompt = new Map(REALISTIC_RAPID_PROMPTS.map((spec) => [spec.prompt!, spec]));

const OPENERS = ['I would start with', 'Then, and this matters,', 'I would also bring up'];

/**
 * Writes an answer to the prompt on screen that uses the first phrase of each
 * listed key point, every second one in capitals, so matching must ignore case.
 */
async function answerCovering(page: Page, points: number[]): Promise<string> {
  const spec = byPrompt.get(await page.locator('#prompt-heading').innerText())!;
  const sentences = points.map((point, index) => {
    const phrase = spec.keyPoints![point]!.phrases[0]!;
    return `${OPENERS[index % OPENERS.length]} ${index % 2 === 1 ? phrase.toUpperCase() : phrase}.`;
  });
  return `${sentences.join(' ')} I would check the trade-offs with the team.`;
}

type AxeResults = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
type AxeScope = { axe: { run: (context: unknown) => Promise<AxeResults> }; document: unknown; axeResults?: AxeResults };

/**
 * Runs axe-core in the page and returns the serious and critical violations.
 * axe waits on timers, so page time moves on until it finishes: call it only
 * while no countdown runs.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  await page.evaluate(() => {
    const scope = globalThis as unknown as AxeScope;
    delete scope.axeResults;
    void scope.axe.run(scope.document).then((results) => (scope.axeResults = results));
  });
  let results: AxeResults | undefined;
  await expect
    .poll(async () => {
      await page.clock.runFor(100);
      results = await page.evaluate(() => (globalThis as unknown as AxeScope).axeResults);
      return results !== undefined;
    }, { timeout: 15_000 })
    .toBe(true);
  return results!.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function confirmScore(page: Page) {
  await page.getByRole('button', { name: /^Confirm / }).click();
}

describe.skipIf(!enabled)('mock interview in Chromium', () => {
  beforeAll(async () => {
    folder = makeDataDir();
    const decksDir = writeDecks(folder.path);
    serve = await startServe(join(folder.path, 'data'), [], { REHEARSE_DECKS_DIR: decksDir });
    ({ browser, cleanup: closeBrowser } = await launchBrowser());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await serve?.stop();
    folder?.cleanup();
  });

  it('runs Rapid fire to the summary and finds it in History', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(browser, 1000, 900);
    await page.clock.install({ time: START });
    await page.goto(serve.url);
    await page.clock.pauseAt(START + 5000);
    await openInterview(page);
    await page.getByRole('button', { name: 'Start Rapid fire' }).click();

    // Prompt 1: answer, pause, resume, then Next.
    await expect.poll(() => page.getByTestId('prompt-clock').innerText()).toBe('2:00');
    expect(await page.getByTestId('session-clock').innerText()).toBe('16:00');
    await answer(page, await answerCovering(page, [0, 1]));
    await page.clock.runFor(29_400);
    await expect.poll(() => page.getByTestId('prompt-clock').innerText()).toBe('1:30');
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.clock.runFor(60_000);
    expect(await page.getByTestId('prompt-clock').innerText()).toBe('1:30');
    expect(await page.getByTestId('session-clock').innerText()).toBe('15:30');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(10_000);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/interview-in-progress.png` });
    await page.getByRole('button', { name: 'Next' }).click();

    // Review: the two points the answer covered are ticked and Hard is proposed.
    await expect.poll(() => page.getByTestId('review-coverage').innerText()).toBe('2 of 4 covered (50%)');
    const boxes = page.getByRole('checkbox');
    expect(await boxes.nth(0).isChecked()).toBe(true);
    expect(await boxes.nth(1).isChecked()).toBe(true);
    expect(await boxes.nth(2).isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: 'Hard' }).getAttribute('aria-checked')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await boxes.nth(2).check();
    await expect.poll(() => page.getByTestId('review-coverage').innerText()).toBe('3 of 4 covered (75%)');
    await confirmScore(page);

    // Prompt 2: time runs out; the answer typed so far is kept.
    await expect.poll(() => page.getByTestId('prompt-clock').innerText()).toBe('2:00');
    const cutOff = await answerCovering(page, [0]);
    await answer(page, cutOff);
    await page.clock.runFor(96_000);
    await expect.poll(() => page.getByText('Less than a fifth of the time is left').count()).toBe(1);
    await page.clock.runFor(30_000);
    await expect.poll(() => page.getByTestId('review-coverage').innerText()).toBe('1 of 4 covered (25%)');
    expect(await page.getByText('time ran out').count()).toBe(1);
    expect(await page.locator('.given-answer').innerText()).toBe(cutOff);
    await confirmScore(page);

    // Prompts 3 to 8 by keyboard: Ctrl+Enter hands in, a digit picks the score, Ctrl+Enter confirms.
    // The last prompt is skipped.
    for (let position = 3; position <= 8; position += 1) {
      await expect.poll(() => page.getByText(`Prompt ${position} of 8`).count()).toBe(1);
      if (position < 8) await answer(page, await answerCovering(page, position % 2 === 0 ? [0, 1, 2] : [3]));
      await page.clock.runFor(5_000);
      if (position === 8) await page.getByRole('button', { name: 'Skip' }).click();
      else await page.keyboard.press('Control+Enter');
      await page.getByTestId('review-coverage').waitFor();
      if (position === 4) {
        await page.keyboard.press('4');
        expect(await page.getByRole('radio', { name: 'Easy' }).getAttribute('aria-checked')).toBe('true');
      }
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('review-coverage').or(page.getByText(`Prompt ${position + 1} of 8`)).or(page.getByRole('heading', { name: /summary/ })).first().waitFor();
    }

    // Summary: time, weakest family and missed points, one made into a flashcard.
    await page.getByRole('heading', { name: 'Rapid fire: summary' }).waitFor();
    expect(await page.getByTestId('summary-time').innerText()).toContain('of 16 min 00 s');
    expect(await page.getByTestId('summary-weakest').innerText()).not.toBe('—');
    const makeButtons = page.getByRole('button', { name: /^Make a flashcard/ });
    const before = await makeButtons.count();
    expect(before).toBeGreaterThan(0);
    await makeButtons.first().click();
    await expect.poll(() => makeButtons.count()).toBe(before - 1);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/interview-summary.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // After a reload the session is in History and opens to its summary.
    await page.reload();
    await openInterview(page);
    await page.getByRole('button', { name: 'History' }).click();
    const row = page.getByTestId('history-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().innerText()).toContain('8 of 8');
    await row.first().getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'Rapid fire: summary' }).waitFor();
    await context.close();
  });

  // Typing is lost when no field has focus, and the clock runs from the moment a prompt shows.
  it('keyboard user types into every started prompt', { timeout: 60_000 }, async () => {
    // A server of its own, so the session this test leaves unfinished blocks no other test.
    const own = await startServe(join(folder.path, 'keyboard-data'), [], { REHEARSE_DECKS_DIR: join(folder.path, 'decks') });
    const { context, page } = await newPage(browser, 1000, 900);
    try {
      await page.clock.install({ time: START });
      await page.goto(own.url);
      await page.clock.pauseAt(START + 5000);
      await openInterview(page);
      const box = page.getByLabel('Your answer, as you would say it');
      const answerBoxFocused = async () => (await page.locator('#interview-answer:focus').count()) === 1;

      await page.getByRole('button', { name: 'Start Rapid fire' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByText('Prompt 1 of 8').count()).toBe(1);
      await expect.poll(answerBoxFocused).toBe(true);
      await page.keyboard.type('Canary first');
      expect(await box.inputValue()).toBe('Canary first');

      // Space ticks a focused key point, and a digit still picks the score.
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('review-coverage').waitFor();
      expect(await page.locator('.given-answer').innerText()).toBe('Canary first');
      const point = page.getByRole('checkbox').nth(2);
      await point.focus();
      await page.keyboard.press('Space');
      expect(await point.isChecked()).toBe(true);
      await page.keyboard.press('4');
      expect(await page.getByRole('radio', { name: 'Easy' }).getAttribute('aria-checked')).toBe('true');
      await page.getByRole('button', { name: 'Confirm Easy' }).waitFor();

      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByText('Prompt 2 of 8').count()).toBe(1);
      await expect.poll(answerBoxFocused).toBe(true);
      await page.keyboard.type('Shadow traffic');
      expect(await box.inputValue()).toBe('Shadow traffic');

      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(answerBoxFocused).toBe(true);
      await page.keyboard.type(' and rollback');
      expect(await box.inputValue()).toBe('Shadow traffic and rollback');
    } finally {
      await context.close();
      await own.stop();
    }
  });

  it('resumes an interrupted session with its answer and time', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(browser);
    await page.clock.install({ time: START + 86_400_000 });
    await page.goto(serve.url);
    await page.clock.pauseAt(START + 86_400_000 + 5000);
    await openInterview(page);
    await page.getByRole('button', { name: 'Start Rapid fire' }).click();
    await answer(page, 'Half an answer about');
    await page.clock.runFor(40_000);
    // The heartbeat has stored the time used; typing more is saved on reload.
    await page.getByLabel('Your answer, as you would say it').fill('Half an answer about the rollout');
    await page.reload();

    await openInterview(page);
    await page.getByRole('button', { name: 'Resume' }).click();
    const box = page.getByLabel('Your answer, as you would say it');
    await expect.poll(() => box.inputValue()).toBe('Half an answer about the rollout');
    expect(await page.getByTestId('save-status').innerText()).toContain('Paused');
    const left = await page.getByTestId('prompt-clock').innerText();
    expect(['1:20', '1:19']).toContain(left);

    // The resumed prompt waits, paused, until the user resumes it.
    await page.clock.runFor(5_000);
    expect(await page.getByTestId('prompt-clock').innerText()).toBe(left);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(5_000);
    expect(await page.getByTestId('prompt-clock').innerText()).not.toBe(left);
    await context.close();
  });
});
