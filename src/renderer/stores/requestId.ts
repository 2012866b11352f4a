/**
 * Returns a fresh id for one answer. randomUUID needs a secure context, so a
 * host page that is not one gets 16 random bytes as hex instead.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
