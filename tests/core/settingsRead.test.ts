import { afterEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../src/core/settings/service.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema.js';
import { basicDeckYaml, openTempApp, testLogger, type TempApp } from '../helpers/tempApp.js';

let handle: TempApp | null = null;
afterEach(() => {
  handle?.cleanup();
  handle = null;
});

describe('stored settings', () => {
  it.each([
    ['constructor', '1'],
    ['toString', '"x"'],
    ['hasOwnProperty', 'null'],
    ['__proto__', '{"newPerDay":1}'],
    ['unknownKey', '[1,2]'],
  ])('unknown key %s is ignored', (key, value) => {
    handle = openTempApp({ decks: { 'alpha.yaml': basicDeckYaml('alpha', 2) }, start: Date.parse('2026-06-01T12:00:00Z') });
    handle.app.db.prepare("INSERT INTO settings (key, value) VALUES ('newPerDay', '35'), (?, ?)").run(key, value);
    const settings = readSettings(handle.app.context.repositories.settings, testLogger);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 35 });
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});
