// A stand-in for the `electron` module, loaded through vi.mock('electron').
// It records what the main process registers so tests can drive it like Electron would.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** An Electron-style event whose preventDefault can be observed. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  lockGranted = true;
  paths = new Map<string, string>();
  appPath = process.cwd();
  ready = false;

  getPath = vi.fn((name: string) => this.paths.get(name) ?? `/nonexistent/${name}`);
  setPath = vi.fn((name: string, value: string) => void this.paths.set(name, value));
  requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  quit = vi.fn();
  exit = vi.fn();
  enableSandbox = vi.fn();
  setAboutPanelOptions = vi.fn();
  getVersion = (): string => '0.0.0-test';
  getAppPath = (): string => this.appPath;
  isReady = (): boolean => this.ready;
  whenReady = async (): Promise<void> => {
    this.ready = true;
  };
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  minimized = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  isMinimized(): boolean {
    return this.minimized;
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, listener: Listener) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcMain.handlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel)),
};

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const fakeSession = {
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  devicePermissionHandler: null as Listener | null,
  setPermissionRequestHandler: vi.fn((handler: Listener) => {
    fakeSession.permissionRequestHandler = handler;
  }),
  setPermissionCheckHandler: vi.fn((handler: Listener) => {
    fakeSession.permissionCheckHandler = handler;
  }),
  setDevicePermissionHandler: vi.fn((handler: Listener) => {
    fakeSession.devicePermissionHandler = handler;
  }),
};
export const session = { defaultSession: fakeSession };

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const dialog = {
  showErrorBox: vi.fn(),
  /** Resolves as if the user pressed the first button; tests set other responses with mockImplementation. */
  showMessageBox: vi.fn(async (_options: Record<string, unknown>) => ({
    response: 0,
    checkboxChecked: false,
  })),
};
export const nativeTheme = { shouldUseDarkColors: false };
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    contextBridge.exposed.set(key, value);
  }),
};
export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, _request: unknown) => undefined as unknown),
};

/** Clears every recorded call and registration between tests. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  // mockReset also drops responses a test set, and goes back to the default one above.
  dialog.showMessageBox.mockReset();
  app.removeAllListeners();
  app.isPackaged = false;
  app.lockGranted = true;
  app.ready = false;
  app.paths.clear();
  app.appPath = process.cwd();
  FakeBrowserWindow.instances = [];
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  fakeSession.permissionRequestHandler = null;
  fakeSession.permissionCheckHandler = null;
  fakeSession.devicePermissionHandler = null;
  contextBridge.exposed.clear();
}
