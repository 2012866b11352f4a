import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchBrowser, makeDataDir, newPage, startServe, type ServeProcess } from './harness.js';

const enabled = e2eEnabled();

let browser: Browser;
let closeBrowser: () => Promise<void>;
let dataDir: ReturnType<typeof makeDataDir>;
let serve: ServeProcess;

describe.skipIf(!enabled)('settings in Chromium', () => {
  beforeAll(async () => {
    dataDir = makeDataDir();
    serve = await startServe(dataDir.path);
    ({ browser, cleanup: closeBrowser } = await launchBrowser());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await serve?.stop();
    dataDir?.cleanup();
  });

  // Fields share grid rows, so a long hint or an error beside a field must not stretch its input.
  it('inputs keep one height beside an error', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(serve.url);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.fill('#setting-learningSteps', 'banana');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('#setting-learningSteps-error').waitFor();

    const inputs = page.locator('.settings-field input');
    const heights = new Set<number>();
    for (let index = 0; index < (await inputs.count()); index += 1) {
      heights.add(Math.round((await inputs.nth(index).boundingBox())!.height));
    }
    expect([...heights]).toHaveLength(1);
    await context.close();
  });
});
