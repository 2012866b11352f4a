import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The same esbuild options scripts/build.mjs uses for the Electron entry points.
async function bundle(entry: string) {
  return build({
    entryPoints: [join(process.cwd(), entry)],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['better-sqlite3', 'electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

function requiredModules(code: string): string[] {
  const names = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].sort();
}

function inputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).sort();
}

describe('preload bundle', () => {
  it('contains only methods.ts besides itself', async () => {
    const result = await bundle('src/electron/preload.ts');
    expect(inputs(result.metafile)).toEqual(['src/core/api/methods.ts', 'src/electron/preload.ts']);
  });

  it('requires only electron', async () => {
    const result = await bundle('src/electron/preload.ts');
    expect(requiredModules(result.outputFiles[0]?.text ?? '')).toEqual(['electron']);
  });
});

describe('main bundle', () => {
  it('builds without warnings', async () => {
    const result = await bundle('src/electron/main.ts');
    expect(result.warnings.map((warning) => warning.text)).toEqual([]);
  });

  it('leaves out the renderer', async () => {
    const result = await bundle('src/electron/main.ts');
    expect(inputs(result.metafile).filter((path) => path.startsWith('src/renderer'))).toEqual([]);
  });

  it('requires only Node, Electron and better-sqlite3', async () => {
    const result = await bundle('src/electron/main.ts');
    const modules = requiredModules(result.outputFiles[0]?.text ?? '');
    const other = modules.filter(
      (name) => !name.startsWith('node:') && !['electron', 'better-sqlite3'].includes(name),
    );
    const { builtinModules } = await import('node:module');
    expect(other.filter((name) => !builtinModules.includes(name))).toEqual([]);
  });
});
