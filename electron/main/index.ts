import { join } from 'node:path';
import { currentActor, resolveDataDir } from '@backend/core/paths';
import { createBackend } from '@backend/index';
import { startShell } from './shell';

// The desktop app. Everything it does is in shell.ts, where it is tested under a stand-in for Electron.
startShell({
  dataDir: resolveDataDir(),
  actor: currentActor(),
  rendererDir: join(__dirname, '../renderer'),
  preload: join(__dirname, '../preload/index.js'),
  openBackend: createBackend,
});
