import { describe, expect, it } from 'vitest';
import type { SvgNode } from '../../src/core/api/stats.js';
import { readinessBars } from '../../src/core/stats/charts/hbars.js';

function texts(node: SvgNode): string[] {
  const own = node.tag === 'text' && node.text !== undefined ? [node.text] : [];
  return [...own, ...(node.children ?? []).flatMap(texts)];
}

const started = { label: 'Serving', retrievability: 0.93, neverSeen: 0.4, tooltip: 'Serving' };
const notStarted = { label: 'Monitoring', retrievability: null, neverSeen: 1, tooltip: 'Monitoring' };

describe('readinessBars', () => {
  it('started row shows recall and unseen share', () => {
    const labels = texts(readinessBars('chart', [started], 0.9));
    expect(labels).toEqual(expect.arrayContaining(['93%', '40% unseen']));
  });

  // "not started" is wider than the value column, so the unseen share drawn beside it
  // overlapped it. "not started" already means that every card is unseen.
  it('row not started has no unseen share over its label', () => {
    const labels = texts(readinessBars('chart', [notStarted], 0.9));
    expect(labels.filter((value) => value.endsWith('unseen'))).toEqual([]);
  });

  it('row not started says so', () => {
    expect(texts(readinessBars('chart', [notStarted], 0.9))).toContain('not started');
  });
});
