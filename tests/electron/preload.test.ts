import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, METHOD_NAMES } from '../../src/core/api/methods.js';

vi.mock('electron', async () => await import('./fakeElectron.js'));

const fake = await import('./fakeElectron.js');
let bridge: Record<string, (request: unknown) => Promise<unknown>>;

beforeAll(async () => {
  await import('../../src/electron/preload.js');
  bridge = fake.contextBridge.exposed.get('rehearse') as typeof bridge;
});

describe('preload bridge', () => {
  it('exposes only window.rehearse', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['rehearse']);
  });

  it('exposes exactly the API methods', () => {
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('exposes only functions', () => {
    const kinds = new Set(Object.values(bridge).map((value) => typeof value));
    expect([...kinds]).toEqual(['function']);
  });

  it.each(METHOD_NAMES)('%s invokes its channel', async (method) => {
    const result = { ok: true, value: method };
    fake.ipcRenderer.invoke.mockResolvedValueOnce(result);
    const request = { probe: method };

    await expect(bridge[method]?.(request)).resolves.toBe(result);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(method), request);
  });

  it('turns a failed invoke into an error result', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'x'"));
    await expect(bridge.getHome?.({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});
