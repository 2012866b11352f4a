import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchBrowser, makeDataDir, newPage, startServe, type ServeProcess } from './harness.js';

const enabled = e2eEnabled();

// Each payload would set window.hacked if the renderer let it run.
const HOSTILE_DECK = `id: hostile
title: Hostile deck
description: Markdown that must render inert.
family: system-design
cards:
  - id: hostile-script
    kind: basic
    front: "Script tag <script>window.hacked = 'script'</script> in the front"
    back: |
      An image with an error handler: <img src="x" onerror="window.hacked = 'img'">

      ![markdown image](javascript:window.hacked='markdown-image')

      [a javascript link](javascript:window.hacked='link')

      <a href="javascript:window.hacked='raw-link'">raw link</a>
    sources:
      - title: A source
        url: https://example.org/source
`;

let browser: Browser;
let closeBrowser: () => Promise<void>;
let dataDir: ReturnType<typeof makeDataDir>;
let serve: ServeProcess;

describe.skipIf(!enabled)('hostile Markdown', () => {
  beforeAll(async () => {
    dataDir = makeDataDir();
    const decksDir = join(dataDir.path, 'decks');
    mkdirSync(decksDir);
    writeFileSync(join(decksDir, 'hostile.yaml'), HOSTILE_DECK);
    serve = await startServe(join(dataDir.path, 'data'), [], { REHEARSE_DECKS_DIR: decksDir });
    ({ browser, cleanup: closeBrowser } = await launchBrowser());
  });

  afterAll(async () => {
    await closeBrowser?.();
    await serve?.stop();
    dataDir?.cleanup();
  });

  it('renders script, onerror and javascript: links inert', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(serve.url);
    await page.getByRole('button', { name: /study now/i }).first().click();
    await page.getByTestId('card-front').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('card-back').waitFor();
    await page.waitForTimeout(300);

    for (const link of await page.getByTestId('card-back').locator('a').all()) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href.toLowerCase()).not.toContain('javascript:');
    }
    for (const image of await page.getByTestId('card-back').locator('img').all()) {
      expect(await image.getAttribute('onerror')).toBeNull();
    }
    await page.getByTestId('card-back').locator('a').first().click({ trial: false }).catch(() => undefined);
    expect(await page.evaluate(() => (globalThis as { hacked?: string }).hacked ?? null)).toBeNull();
    expect(await page.getByTestId('card-front').locator('script').count()).toBe(0);
    expect(await page.getByTestId('card-back').locator('script, iframe, object').count()).toBe(0);
    await context.close();
  });
});
