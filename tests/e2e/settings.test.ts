import { describe, expect, it } from 'vitest';
import { e2eEnabled, newPage, useServeAndBrowser } from './harness.js';

const enabled = e2eEnabled();


describe.skipIf(!enabled)('settings in Chromium', () => {
  const session = useServeAndBrowser();

  // Fields share grid rows, so a long hint or an error beside a field must not stretch its input.
  it('inputs keep one height beside an error', async () => {
    const { context, page } = await newPage(session.browser);
    await page.goto(session.serve.url);
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
