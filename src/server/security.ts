import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh per-launch token: 32 random bytes as hex. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** Compares the request's bearer token with the launch token in constant time. */
export function hasValidToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Accepts only Host headers naming this server on loopback, so a web page
 * that rebinds its DNS name to 127.0.0.1 cannot reach the API.
 */
export function hasAllowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
