import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'src');
const ALLOWED = join('src', 'electron', 'ipc.ts');

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function registersIpcHandler(source: string): boolean {
  return /ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\s*\(/.test(source);
}

describe('IPC registration', () => {
  it('only ipc.ts registers handlers', () => {
    const offenders = listFiles(SRC)
      .map((path) => relative(process.cwd(), path))
      .filter((path) => path !== ALLOWED)
      .filter((path) => registersIpcHandler(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('ipc.ts is found by the scan', () => {
    const files = listFiles(SRC).map((path) => relative(process.cwd(), path));
    const registering = files.filter((path) => registersIpcHandler(readFileSync(path, 'utf8')));
    expect(registering).toEqual([ALLOWED]);
  });

  it.each([
    ['ipcMain.handle("x", f)', true],
    ['ipcMain .handleOnce(channel, f)', true],
    ['ipcMain.on("x", f)', true],
    ['ipcRenderer.invoke("x")', false],
    ['ipcMain.removeHandler("x")', false],
  ])('detects %s: %s', (source, expected) => {
    expect(registersIpcHandler(source)).toBe(expected);
  });
});
