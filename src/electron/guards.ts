import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../log/logger.js';
import { isAppUrl } from './appUrl.js';

/**
 * True for a URL that may leave the app for the system browser: https only,
 * parseable, with a host and without embedded credentials.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }

  return (
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Locks down one WebContents: no navigation or redirect away from
 * app://rehearse, no new windows (safe https links open in the system browser
 * instead) and no <webview> tags.
 */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked navigation away from the app', { url: event.url });
  });

  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked redirect away from the app', { url: event.url });
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a <webview> tag');
  });

  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, logger);
    return { action: 'deny' };
  });
}

/** Opens `url` in the system browser when it is a safe https URL; otherwise logs and drops it. */
export function openExternally(url: string, logger: Logger): void {
  if (!isSafeExternalUrl(url)) {
    logger.warn('Blocked opening a URL outside the app', { url: url.slice(0, 200) });
    return;
  }

  shell.openExternal(new URL(url).href).catch((error: unknown) => {
    logger.error('Opening a link in the system browser failed', { url, error });
  });
}

/** Rejects every permission request and check (camera, notifications, clipboard, devices, ...). */
export function denyAllPermissions(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('Denied a permission request', { permission });
    callback(false);
  });

  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
