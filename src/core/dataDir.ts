import { join } from 'node:path';

export interface DataDirInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** The value of --data-dir, when given. */
  flag?: string | undefined;
}

export const PRODUCT_NAME = 'Rehearse';

/**
 * Chooses the data folder the way Electron's userData does for productName
 * Rehearse, so the desktop app and `npm run serve` share one folder:
 * --data-dir, then REHEARSE_DATA_DIR, then the per-platform default.
 */
export function resolveDataDir(input: DataDirInput): string {
  if (input.flag) return input.flag;
  const fromEnv = input.env.REHEARSE_DATA_DIR;
  if (fromEnv) return fromEnv;
  if (input.platform === 'darwin') return join(input.homeDir, 'Library', 'Application Support', PRODUCT_NAME);
  if (input.platform === 'win32') return join(input.env.APPDATA ?? join(input.homeDir, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(input.env.XDG_CONFIG_HOME || join(input.homeDir, '.config'), PRODUCT_NAME);
}
