// Builds everything `npm start` and `npm run serve` run: the renderer with Vite,
// then the Electron main process, the preload script and the browser host with esbuild.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: quiet ? 'warning' : 'info',
  // The native module and Electron itself are loaded at run time, never bundled.
  external: ['better-sqlite3', 'electron'],
};

await Promise.all([
  esbuild({ ...shared, entryPoints: ['src/electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  // A sandboxed preload must be one CommonJS file that requires nothing but electron.
  esbuild({ ...shared, entryPoints: ['src/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  esbuild({
    ...shared,
    entryPoints: ['src/server/cli.ts'],
    outfile: 'dist/server/cli.js',
    format: 'esm',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  }),
]);
