// Stands in for the `lowlight` package in the renderer build (see vite.config.ts).
// rehype-highlight imports lowlight's `common` grammars as its default, which would
// bundle about 37 highlight.js languages; Markdown.tsx registers its own few instead.
export { createLowlight } from '../../../node_modules/lowlight/lib/index.js';
export const common = {};
export const all = {};
