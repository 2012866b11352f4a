import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const schema = JSON.parse(
  readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as object;
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

function validate(value: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  if (check(value)) return [];
  return (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('electron-builder.yml', () => {
  it('matches the schema', () => {
    expect(validate(config)).toEqual([]);
  });

  it.each([
    ['unknown key', { ...config, asarUnpackk: [] }],
    ['misspelled fuse', { ...config, electronFuses: { runAsNodee: false } }],
    ['fuse of wrong type', { ...config, electronFuses: { runAsNode: 'no' } }],
  ])('schema rejects %s', (_name, value) => {
    expect(validate(value)).not.toEqual([]);
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableCookieEncryption', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
  ])('fuse %s is %s', (fuse, value) => {
    const fuses = config.electronFuses as Record<string, unknown>;
    expect(fuses[fuse]).toBe(value);
  });

  it('names the app', () => {
    expect(config.appId).toBe('dev.rehearse.app');
    expect(config.productName).toBe('Rehearse');
  });

  it('unpacks better-sqlite3 from asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(config.npmRebuild).toBe(false);
  });

  it('ships decks as resources', () => {
    expect(config.extraResources).toEqual([{ from: 'decks', to: 'decks' }]);
  });

  it('packages the build output without source maps', () => {
    expect(config.files).toEqual(['dist/**', 'package.json', '!**/*.map']);
  });

  it('main entry is inside the packaged files', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });

  it.each([
    ['linux', { target: ['AppImage', 'deb'], category: 'Education' }],
    ['mac', { target: 'dmg', category: 'public.app-category.education' }],
    ['win', { target: 'nsis' }],
  ])('%s targets', (platform, expected) => {
    expect(config[platform]).toEqual(expected);
  });
});
