import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

export const CHILD_NAMES = ['open', 'revlogExport', 'jsonRoundTrip', 'backup'] as const;
export type ChildName = (typeof CHILD_NAMES)[number];

/**
 * Bundles the child scripts into plain ES modules, so each measured process
 * runs under bare `node` without tsx's loader in its memory or start-up time.
 */
export async function buildChildren(outDir: string): Promise<void> {
  await build({
    entryPoints: CHILD_NAMES.map((name) => join('bench', 'child', `${name}.ts`)),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    logLevel: 'warning',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}

/**
 * Runs one bundled child with a JSON argument and returns the JSON object it
 * prints as its last stdout line. A non-zero exit rejects with its stderr.
 */
export function runChild<T>(outDir: string, name: ChildName, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(outDir, `${name}.mjs`), JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REHEARSE_LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const lines = stdout.trim().split('\n');
      if (code !== 0) {
        reject(new Error(`bench child ${name} exited with code ${String(code)}: ${stderr.trim().slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(lines[lines.length - 1]!) as T);
      } catch {
        reject(new Error(`bench child ${name} printed no JSON result; stdout: ${stdout.slice(-500)}`));
      }
    });
  });
}
