import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_CSS } from '../../src/core/stats/charts/theme.js';

/** Returns the --chart-* custom properties declared in `block`, by name. */
function chartVariables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/(--chart-[a-z0-9-]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name, value!.toLowerCase()]));
}

/** Returns the text between the first `{` after `selector` and its matching `}`. */
function blockAfter(css: string, selector: string): string {
  const start = css.indexOf('{', css.indexOf(selector));
  let depth = 0;
  for (let index = start; index < css.length; index += 1) {
    if (css[index] === '{') depth += 1;
    if (css[index] === '}') depth -= 1;
    if (depth === 0) return css.slice(start + 1, index);
  }
  throw new Error(`No block after ${selector}.`);
}

const screenCss = readFileSync(new URL('../../src/renderer/screens/stats/stats.css', import.meta.url), 'utf8');

describe('chart palette', () => {
  it.each([
    ['light', blockAfter(CHART_CSS, ':root'), blockAfter(screenCss, ":root[data-theme='light']")],
    ['dark', blockAfter(blockAfter(CHART_CSS, '@media screen and (prefers-color-scheme: dark)'), ':root'), blockAfter(screenCss, ":root[data-theme='dark']")],
  ])('report matches the screen in %s', (_theme, report, screen) => {
    const reportColours = chartVariables(report);
    expect(Object.keys(reportColours).length).toBeGreaterThanOrEqual(21);
    expect(reportColours).toEqual(chartVariables(screen));
  });
});
