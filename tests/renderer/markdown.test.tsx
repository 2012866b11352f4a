// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown, safeUrl } from '../../src/renderer/components/Markdown.js';

afterEach(cleanup);

function renderMarkdown(text: string): HTMLElement {
  return render(<Markdown text={text} />).container;
}

describe('Markdown', () => {
  it('renders a script tag as text', () => {
    const container = renderMarkdown('Before <script>window.hacked = true</script> after');

    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>');
  });

  it('renders an img with onerror as text', () => {
    const container = renderMarkdown('<img src="x" onerror="window.hacked = true">');

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
  });

  it('drops the href of a javascript link', () => {
    const container = renderMarkdown('[click](javascript:alert(1))');

    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('click');
  });

  it.each([
    ['javascript:alert(1)', ''],
    ['  JavaScript:alert(1)', ''],
    ['data:text/html,<b>x</b>', ''],
    ['vbscript:msgbox', ''],
    ['/relative/path', ''],
    ['https://mlflow.org/docs/', 'https://mlflow.org/docs/'],
    ['http://example.com', 'http://example.com'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
  ])('safeUrl(%j) returns %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });

  it('opens links in a new tab without a referrer', () => {
    const container = renderMarkdown('[docs](https://mlflow.org/docs/)');
    const link = container.querySelector('a');

    expect(link?.getAttribute('href')).toBe('https://mlflow.org/docs/');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noreferrer noopener');
  });

  it('highlights a python block', () => {
    const container = renderMarkdown('```python\nimport mlflow\n```');

    expect(container.querySelector('code.hljs.language-python .hljs-keyword')?.textContent).toBe('import');
  });

  it('highlights a promql block', () => {
    const container = renderMarkdown('```promql\nrate(http_requests_total[5m])\n```');

    expect(container.querySelector('code.language-promql .hljs-built_in')?.textContent).toBe('rate');
  });

  it('renders a GFM table', () => {
    const container = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |');

    expect(container.querySelectorAll('td')).toHaveLength(2);
  });
});
