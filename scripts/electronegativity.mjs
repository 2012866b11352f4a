// Scans the built desktop app (main process, preload and renderer) with
// @doyensec/electronegativity and exits 1 on any HIGH finding. The tool itself
// returns normally whatever it finds, so this script reads its findings.
//
// Usage: node scripts/electronegativity.mjs [--electron DIR] [--renderer DIR]
// (defaults: dist/electron and dist/renderer, written by `npm run build`).
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

/**
 * Checks left out of every scan, by the names the tool's exclude option takes.
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub,
 * and ElectronVersionJSONCheck only feeds it the version from package.json.
 * The version comes from the installed electron package instead (see below).
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];

/**
 * Keeps the scan offline. At start the tool downloads translations for $LANG
 * from its own S3 bucket with the `got` HTTP client, and no option turns that
 * off. This replaces the `got` module the tool loads with one that fails at
 * once, so no request leaves the machine and the tool uses its bundled English.
 */
function blockToolNetwork() {
  const i18nModule = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const gotPath = require.resolve('got', { paths: [dirname(i18nModule)] });
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = () => Promise.reject(new Error('network access is disabled during the scan'));
  require.cache[gotPath] = stub;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      electron: { type: 'string', default: 'dist/electron' },
      renderer: { type: 'string', default: 'dist/renderer' },
    },
    strict: true,
  });
  return { electronDir: resolve(values.electron), rendererDir: resolve(values.renderer) };
}

/** A problem with the input, such as a missing build: exit code 2, not a finding. */
class ScanInputError extends Error {}

/**
 * Copies the build into one folder the tool can read. It lists only .js, .ts and
 * .html files, so main.cjs and preload.cjs would be skipped without a word under
 * their own names. Main and renderer are scanned together because the global
 * checks (navigation limits, permission handler, CSP) combine findings of both.
 */
function stageBuild({ electronDir, rendererDir }, stagingDir) {
  const renamed = new Map();
  for (const name of ['main', 'preload']) {
    const source = join(electronDir, `${name}.cjs`);
    if (!existsSync(source)) {
      throw new ScanInputError(`${source} is missing; run npm run build first.`);
    }
    const target = join(stagingDir, `${name}.js`);
    copyFileSync(source, target);
    renamed.set(target, source);
  }

  if (!existsSync(join(rendererDir, 'index.html'))) {
    const index = join(rendererDir, 'index.html');
    throw new ScanInputError(`${index} is missing; run npm run build first.`);
  }
  cpSync(rendererDir, join(stagingDir, 'renderer'), { recursive: true });
  return (stagedPath) =>
    renamed.get(stagedPath) ??
    (stagedPath.startsWith(join(stagingDir, 'renderer'))
      ? join(rendererDir, relative(join(stagingDir, 'renderer'), stagedPath))
      : stagedPath);
}

function installedElectronVersion() {
  return require('electron/package.json').version;
}

function formatFinding(issue, originalPath) {
  const file = issue.file === 'N/A' ? null : relative(process.cwd(), originalPath(issue.file));
  const where = file === null ? 'whole app' : `${file}:${issue.location.line}`;
  const review = issue.manualReview ? ' (review by hand)' : '';
  const sample = issue.sample ? `\n    ${issue.sample.slice(0, 160)}` : '';
  const heading = `${issue.severity.name} ${issue.confidence.name} ${issue.id}${review} at ${where}`;
  return `${heading}\n    ${issue.description}${sample}`;
}

/** Scans the staged build and returns the exit code: 1 on HIGH findings or unparsed files. */
async function scan(stagingDir, originalPath) {
  const run = require('@doyensec/electronegativity');
  const electronVersion = installedElectronVersion();
  const result = await run({
    input: stagingDir,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
  });

  process.stdout.write(
    `electronegativity scan of the build for Electron ${electronVersion}: ` +
      `${result.atomicChecks} file checks, ${result.globalChecks} global checks, ` +
      `${result.issues.length} findings\n`,
  );
  for (const issue of result.issues) {
    process.stdout.write(`${formatFinding(issue, originalPath)}\n`);
  }

  // A file the parser cannot read was not scanned at all, which must not pass as clean.
  const parseErrors = result.errors.filter((error) => !error.tolerable);
  for (const error of parseErrors) {
    process.stderr.write(`Could not parse ${originalPath(error.file)}: ${error.message}\n`);
  }

  const high = result.issues.filter((issue) => issue.severity.name === 'HIGH');
  if (high.length > 0 || parseErrors.length > 0) {
    process.stderr.write(
      `electronegativity scan failed: ${high.length} HIGH findings, ` +
        `${parseErrors.length} files not parsed.\n`,
    );
    return 1;
  }
  process.stdout.write('electronegativity scan passed: no HIGH findings.\n');
  return 0;
}

const options = parseOptions();
blockToolNetwork();
const stagingDir = mkdtempSync(join(tmpdir(), 'rehearse-electronegativity-'));
let exitCode = 2;
try {
  exitCode = await scan(stagingDir, stageBuild(options, stagingDir));
} catch (error) {
  if (!(error instanceof ScanInputError)) throw error;
  process.stderr.write(`electronegativity scan: ${error.message}\n`);
} finally {
  rmSync(stagingDir, { recursive: true, force: true });
}
process.exit(exitCode);
