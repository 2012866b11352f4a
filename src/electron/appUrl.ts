/**
 * The renderer's origin in the desktop app. The scheme is registered as
 * standard and secure, so Chromium treats app://rehearse as a real origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rehearse';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to the app://rehearse origin.
 *
 * Node's URL reports the origin of a non-special scheme as "null", so the
 * scheme, host, port and credentials are compared one by one instead.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }

  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
