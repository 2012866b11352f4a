import { createElement, memo, type ReactNode } from 'react';
import type { SvgNode } from '../../../core/api/contract.js';

// Only drawing attributes pass; anything else in a node (an event handler, a link) is dropped.
const ALLOWED_ATTRIBUTES = new Set([
  'aria-label', 'role', 'class', 'viewBox', 'preserveAspectRatio',
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'width', 'height', 'points', 'd', 'text-anchor',
]);

function propName(attribute: string): string {
  if (attribute === 'class') return 'className';
  if (attribute.startsWith('aria-')) return attribute;
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function toElement(node: SvgNode, key: number): ReactNode {
  const props: Record<string, string | number> = { key };
  for (const [name, value] of Object.entries(node.attrs)) {
    if (ALLOWED_ATTRIBUTES.has(name)) props[propName(name)] = value;
  }
  const children = (node.children ?? []).map((child, index) => toElement(child, index));
  return createElement(node.tag, props, node.text, ...children);
}

/** Draws a chart that core built as an SVG tree, the same tree the HTML report serialises. */
export const SvgChart = memo(function SvgChart({ svg }: { svg: SvgNode }) {
  return <>{toElement(svg, 0)}</>;
});
