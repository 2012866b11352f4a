// `npm run serve`: Rehearse in any browser, served on 127.0.0.1 behind a per-launch token.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openApp } from '../core/app.js';
import { moveDatabaseAside, restoreNewestGoodBackup } from '../core/backup/recovery.js';
import { DatabaseCorruptError } from '../db/errors.js';
import { resolveDataDir } from '../core/dataDir.js';
import { rootLogger } from '../log/logger.js';
import { createExportHost } from './exports.js';
import { unsupportedNodeMessage } from './nodeVersion.js';
import { startHttpHostForApp } from './server.js';
import { createToken } from './security.js';

const HELP = `Usage: npm run serve -- [options]

Serves Rehearse to your browser on 127.0.0.1.

Options:
  --port N        TCP port to listen on (default: a free port)
  --data-dir DIR  folder of rehearse.db (default: REHEARSE_DATA_DIR, else the desktop app's folder)
  --no-open       do not open the browser
  --restore-latest-backup
                  when rehearse.db cannot be opened, replace it with the newest good backup
                  (the unreadable file is kept beside it)
  --start-fresh   when rehearse.db cannot be opened, move it aside and start with a new one
  --help          show this help
`;

const logger = rootLogger.child('server');

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`Invalid --port "${value}": give a whole number from 1 to 65535, or leave it out for a free port.`);
  }
  return port;
}

function openBrowser(url: string): void {
  let command = 'xdg-open';
  if (process.platform === 'darwin') command = 'open';
  if (process.platform === 'win32') command = 'explorer';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', (error) => logger.warn('could not open the browser; open the URL by hand', { error }));
  child.unref();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'restore-latest-backup': { type: 'boolean', default: false },
      'start-fresh': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  // Checked before the database opens: better-sqlite3 loads its native module on first use.
  const unsupported = unsupportedNodeMessage(process.versions.node);
  if (unsupported !== null) throw new Error(unsupported);
  const port = parsePort(values.port);
  const dataDir = resolveDataDir({ platform: process.platform, env: process.env, homeDir: homedir(), flag: values['data-dir'] });
  if (values['restore-latest-backup']) {
    const { backup, movedAside } = await restoreNewestGoodBackup(dataDir, Date.now(), logger);
    process.stdout.write(`Restored backup ${backup}; the previous file is kept as ${movedAside}.\n`);
  } else if (values['start-fresh']) {
    process.stdout.write(`Moved the previous file aside to ${moveDatabaseAside(dataDir, Date.now())}.\n`);
  }
  const app = openApp({
    dataDir,
    // Deck authors can try their files with REHEARSE_DECKS_DIR before bundling them.
    decksDir: process.env.REHEARSE_DECKS_DIR || fileURLToPath(new URL('../../decks', import.meta.url)),
    logger: rootLogger,
  });
  const running = await startHttpHostForApp(
    app,
    () => {
      const exports = createExportHost(app, logger.child('exports'));
      return {
        handlers: { ...app.handlers, ...exports.handlers },
        extraRoutes: exports.routes,
        token: createToken(),
        staticRoot: fileURLToPath(new URL('../renderer', import.meta.url)),
        logger,
      };
    },
    port,
  );
  const stop = async (signal: string) => {
    logger.info('server stopping', { signal });
    await running.close();
    app.close();
    process.exit(0);
  };
  // Registered before the URL is printed: a supervisor may stop the server as soon as it reads it.
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  app.startBackgroundTasks();
  logger.info('server started', { port: running.port, dataDir });
  process.stdout.write(`Rehearse is running at ${running.url}\n`);
  if (!values['no-open']) openBrowser(running.url);
}

main().catch((error: unknown) => {
  process.stderr.write(`Rehearse could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof DatabaseCorruptError) {
    process.stderr.write('Run again with --restore-latest-backup to use the newest good backup, or --start-fresh to move the file aside.\n');
  }
  logger.error('start-up failed', { error });
  process.exit(1);
});
