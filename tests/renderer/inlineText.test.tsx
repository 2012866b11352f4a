// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineText } from '../../src/renderer/components/InlineText.js';

afterEach(cleanup);

describe('InlineText', () => {
  const cases: { text: string; shown: string; code: string[] }[] = [
    { text: 'What does `mlflow ui` start?', shown: 'What does mlflow ui start?', code: ['mlflow ui'] },
    { text: 'Compare `schedule` and `schedule_interval`', shown: 'Compare schedule and schedule_interval', code: ['schedule', 'schedule_interval'] },
    { text: 'Why is **idempotency** key?', shown: 'Why is idempotency key?', code: [] },
    { text: 'An unmatched ` backtick', shown: 'An unmatched  backtick', code: [] },
    { text: '<script>alert(1)</script>', shown: '<script>alert(1)</script>', code: [] },
  ];
  it.each(cases)('renders "$text"', ({ text, shown, code }) => {
    const { container } = render(<p>{<InlineText text={text} />}</p>);
    expect(container.textContent).toBe(shown);
    expect([...container.querySelectorAll('code')].map((element) => element.textContent)).toEqual(code);
    expect(container.querySelector('script')).toBeNull();
  });
});
