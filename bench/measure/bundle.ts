import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  /** Gzipped bytes of the initial JavaScript, in KiB. */
  gzipKB: number;
  rawKB: number;
  files: string[];
}

// Static imports in Vite's minified output: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
// Dynamic `import("./x.js")` is a lazy chunk and deliberately not matched.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

function entryScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) => match[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  return [...scripts, ...preloads];
}

/**
 * Measures the JavaScript the browser must load before the app starts:
 * index.html's module scripts and modulepreloads, plus every module they
 * import statically, each gzipped on its own as a server would send it.
 */
export function measureBundle(rendererDir: string): BundleFigures {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const pending = entryScripts(html).map((source) => normalize(join(rendererDir, source)));
  const seen = new Set<string>();
  let gzipBytes = 0;
  let rawBytes = 0;
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    rawBytes += code.byteLength;
    gzipBytes += gzipSync(code, { level: 9 }).byteLength;
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) {
      const target = match[1]!;
      if (target.startsWith('.')) pending.push(normalize(join(dirname(file), target)));
    }
  }
  if (seen.size === 0) throw new Error(`${rendererDir}/index.html has no module script: run npm run build first.`);
  return { gzipKB: gzipBytes / 1024, rawKB: rawBytes / 1024, files: [...seen].map((file) => relative(rendererDir, file)).sort() };
}
