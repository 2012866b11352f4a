import type { SvgNode } from '../../api/stats.js';

export type { SvgNode };
type Attrs = SvgNode['attrs'];

/** Builds one SVG element; numbers are rounded to two decimals to keep the markup small. */
export function el(tag: SvgNode['tag'], attrs: Attrs = {}, children: (SvgNode | null)[] = []): SvgNode {
  const rounded: Attrs = {};
  for (const [key, value] of Object.entries(attrs)) {
    rounded[key] = typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  }
  const kept = children.filter((child): child is SvgNode => child !== null);
  return kept.length > 0 ? { tag, attrs: rounded, children: kept } : { tag, attrs: rounded };
}

/** Builds a text element. */
export function text(content: string, attrs: Attrs = {}): SvgNode {
  return { ...el('text', attrs), text: content };
}

/** Builds a tooltip: browsers show an element's first child `<title>` on hover. */
export function tooltip(content: string): SvgNode {
  return { tag: 'title', attrs: {}, text: content };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Serialises a node to SVG markup; the root gets the SVG namespace so the markup is valid on its own. */
export function renderSvg(node: SvgNode, isRoot = true): string {
  const attrs = isRoot && node.tag === 'svg' ? { xmlns: 'http://www.w3.org/2000/svg', ...node.attrs } : node.attrs;
  const attributeText = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const textContent = node.text !== undefined ? escapeXml(node.text) : '';
  const children = (node.children ?? []).map((child) => renderSvg(child, false)).join('');
  const inner = textContent + children;
  return `<${node.tag}${attributeText}>${inner}</${node.tag}>`;
}
