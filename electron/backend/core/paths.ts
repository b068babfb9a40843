import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data folder, computed the way Electron's app.getPath('userData')
 * does for an app named "Keel", so desktop and browser mode open the same file.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Keel');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Keel');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Keel');
}

/** KEEL_DATA_DIR wins over the default, for both desktop and browser mode. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.KEEL_DATA_DIR ?? defaultDataDir(env);
}

export const DATABASE_FILE = 'keel.db';

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/** Who is acting, for the audit log: the OS user profile unless KEEL_USER says otherwise. */
export function currentActor(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KEEL_USER) return env.KEEL_USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
