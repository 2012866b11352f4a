const STORAGE_KEY = 'rehearse.token';
const HASH_PATTERN = /(?:^#|&)token=([0-9a-fA-F]+)(?:&|$)/;

/**
 * Reads the browser host's access token from the page URL (`#token=<hex>`),
 * keeps it in sessionStorage so a reload without the hash still works, and
 * removes it from the address bar so it does not end up in a bookmark.
 */
export function readAccessToken(location: Location, storage: Storage, history: History): string | null {
  const match = HASH_PATTERN.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(STORAGE_KEY, match[1]);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return match[1];
  }
  return storage.getItem(STORAGE_KEY);
}
