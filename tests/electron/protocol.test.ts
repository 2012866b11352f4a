import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { captureLogs } from './testLog.js';

vi.mock('electron', async () => await import('./fakeElectron.js'));

const { CONTENT_SECURITY_POLICY, createAppProtocolHandler, registerAppScheme, resolveInsideRoot } =
  await import('../../src/electron/protocol.js');
const fake = await import('./fakeElectron.js');

const SECRET = 'secret outside the renderer folder';
const logs = captureLogs();
let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'rehearse-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Rehearse</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'x');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  handle = createAppProtocolHandler(root, createLogger('test'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function get(url: string, method = 'GET'): Promise<Response> {
  return handle(new Request(url, { method }));
}

describe('app protocol', () => {
  it('registers app as standard and secure', () => {
    registerAppScheme();
    const schemes = fake.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0] as unknown[];
    expect(schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves index.html with the policy', async () => {
    const response = await get('app://rehearse/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Rehearse</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('policy forbids eval and plugins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['app://rehearse/', 'text/html; charset=utf-8'],
    ['app://rehearse/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://rehearse/assets/app.css', 'text/css; charset=utf-8'],
    ['app://rehearse/assets/logo.svg', 'image/svg+xml'],
    ['app://rehearse/assets/font.woff2', 'font/woff2'],
  ])('content type of %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://rehearse/..%2fsecret.txt',
    'app://rehearse/..%2f..%2f..%2fetc%2fpasswd',
    'app://rehearse/assets/..%2f..%2fsecret.txt',
    'app://rehearse/%2e%2e%2fsecret.txt',
    'app://rehearse/..%5csecret.txt',
    'app://rehearse/../secret.txt',
    'app://rehearse/%2e%2e/secret.txt',
    'app://rehearse/%00index.html',
    'app://rehearse/%E0%A4%A',
  ])('rejects traversal %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers traversal with 403', async () => {
    const response = await get('app://rehearse/..%2fsecret.txt');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(logs.at(-1)?.message).toBe('Rejected app:// path outside the renderer folder');
  });

  it('returns 404 for a missing asset', async () => {
    const response = await get('app://rehearse/assets/missing.js');
    expect(response.status).toBe(404);
  });

  it('serves index.html for a client route', async () => {
    const response = await get('app://rehearse/review');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('rejects another host', async () => {
    const response = await get('app://elsewhere/index.html');
    expect(response.status).toBe(404);
  });

  it('rejects POST', async () => {
    const response = await get('app://rehearse/index.html', 'POST');
    expect(response.status).toBe(405);
  });

  it('HEAD sends headers only', async () => {
    const response = await get('app://rehearse/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('resolveInsideRoot', () => {
  it.each([
    ['/', 'index.html'],
    ['/assets/app.js', join('assets', 'app.js')],
    ['/a%20b.txt', 'a b.txt'],
  ])('maps %s inside the root', (urlPath, relativePath) => {
    expect(resolveInsideRoot('/srv/renderer', urlPath)).toBe(join('/srv/renderer', relativePath));
  });

  it.each(['/..%2f..%2fetc/passwd', '/%2e%2e%2f', '/x/..%2f..%2f..', '/%00', '/%zz'])(
    'rejects %s',
    (urlPath) => {
      expect(resolveInsideRoot('/srv/renderer', urlPath)).toBeNull();
    },
  );
});
