import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { captureLogs } from './testLog.js';

vi.mock('electron', async () => await import('./fakeElectron.js'));

const fake = await import('./fakeElectron.js');
const { denyAllPermissions, hardenWebContents, isSafeExternalUrl } = await import(
  '../../src/electron/guards.js'
);

const logs = captureLogs();
const logger = createLogger('test');

function hardenedContents(): InstanceType<typeof fake.FakeWebContents> {
  const contents = new fake.FakeWebContents();
  hardenWebContents(contents as never, logger);
  return contents;
}

beforeEach(() => {
  fake.resetFakeElectron();
  logs.length = 0;
});

describe('navigation guard', () => {
  it.each([
    ['https://example.com/', true],
    ['http://127.0.0.1:8080/', true],
    ['file:///etc/passwd', true],
    ['app://other/index.html', true],
    ['app://rehearse.evil/index.html', true],
    ['app://rehearse:81/index.html', true],
    ['app://rehearse/index.html', false],
    ['app://rehearse/review?deck=mlflow', false],
  ])('will-navigate to %s prevented: %s', (url, prevented) => {
    const contents = hardenedContents();
    const event = new fake.FakeEvent(url);
    contents.emit('will-navigate', event, url);
    expect(event.defaultPrevented).toBe(prevented);
  });

  it.each([
    ['https://example.com/', true],
    ['app://rehearse/index.html', false],
  ])('will-redirect to %s prevented: %s', (url, prevented) => {
    const contents = hardenedContents();
    const event = new fake.FakeEvent(url);
    contents.emit('will-redirect', event, url);
    expect(event.defaultPrevented).toBe(prevented);
  });

  it('blocks webview tags', () => {
    const contents = hardenedContents();
    const event = new fake.FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('logs a blocked navigation', () => {
    const contents = hardenedContents();
    contents.emit('will-navigate', new fake.FakeEvent('https://example.com/'));
    expect(logs.at(-1)).toMatchObject({ level: 'warn', url: 'https://example.com/' });
  });
});

describe('window.open', () => {
  it.each([
    ['https://mlflow.org/docs/latest/', true],
    ['https://example.com/path?q=1#frag', true],
    ['http://example.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['https://user:pw@example.com/', false],
    ['https://user@example.com/', false],
    ['app://rehearse/index.html', false],
    ['data:text/html,<b>x</b>', false],
    ['not a url', false],
    ['', false],
  ])('%s opens externally: %s', async (url, opened) => {
    const contents = hardenedContents();
    const response = contents.windowOpenHandler?.({ url });
    expect(response).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal.mock.calls.length).toBe(opened ? 1 : 0);
  });

  it('passes the normalised URL', () => {
    const contents = hardenedContents();
    contents.windowOpenHandler?.({ url: 'https://EXAMPLE.com/a b' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.com/a%20b');
  });

  it('logs a failed openExternal', async () => {
    fake.shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    const contents = hardenedContents();
    contents.windowOpenHandler?.({ url: 'https://example.com/' });
    await vi.waitFor(() => expect(logs.at(-1)?.level).toBe('error'));
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://', false],
    ['https://exa mple.com/', false],
    ['https://:pw@example.com/', false],
    ['ftp://example.com/', false],
    ['HTTPS://example.com', true],
    ['https://[::1]/', true],
  ])('%s is safe: %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies request for %s',
    (permission) => {
      denyAllPermissions(fake.fakeSession as never, logger);
      const callback = vi.fn();
      fake.fakeSession.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it.each(['media', 'clipboard-sanitized-write', 'hid'])('denies check for %s', (permission) => {
    denyAllPermissions(fake.fakeSession as never, logger);
    const check = fake.fakeSession.permissionCheckHandler;
    const allowed = check?.(null, permission, 'app://rehearse', {});
    expect(allowed).toBe(false);
  });

  it('denies devices', () => {
    denyAllPermissions(fake.fakeSession as never, logger);
    expect(fake.fakeSession.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});
