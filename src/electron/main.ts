// Entry point of the Electron main process, bundled to dist/electron/main.cjs.
import { app, dialog } from 'electron';
import { rootLogger } from '../log/logger.js';
import { installExports } from './exports.js';
import { startDesktopApp } from './lifecycle.js';

startDesktopApp({
  bundleDir: __dirname,
  argv: process.argv,
  env: process.env,
  cwd: process.cwd(),
})
  .then((host) => {
    if (host) installExports(host, rootLogger.child('exports'));
  })
  .catch((error: unknown) => {
    rootLogger.error('Rehearse failed to start', { error });
    const detail = error instanceof Error ? error.message : String(error);
    const message = `An unexpected error stopped Rehearse: ${detail}`;
    dialog.showErrorBox('Rehearse could not start', message);
    app.exit(1);
  });
