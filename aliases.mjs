import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

/** Import aliases, one per process root: the builds (electron.vite.config.ts), the tests (vitest configs) and tsconfig.json's `paths` agree. */
export const aliases = {
  '@shared': resolve(root, 'shared'),
  '@backend': resolve(root, 'electron/backend'),
  '@renderer': resolve(root, 'renderer/src'),
};
