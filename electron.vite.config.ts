import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { aliases } from './aliases.mjs';

// Three builds: the Node side (Electron main plus the plain-Node entry points
// that share the backend), the sandboxed preload, and the React renderer.
export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          serve: resolve(__dirname, 'electron/server/cli.ts'),
          sample: resolve(__dirname, 'electron/backend/sampleCli.ts'),
          // The hours import's worker thread (electron/backend/billing/hoursImport.ts starts it).
          importWorker: resolve(__dirname, 'electron/backend/billing/importWorker.ts'),
          bench: resolve(__dirname, 'test/bench/run.ts'),
          firstList: resolve(__dirname, 'test/bench/firstList.ts'),
        },
        // The UI bench drives the installed Chromium through playwright-core; it is not bundled.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias: aliases },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, every cold start parses and evaluates far less.
      minify: true,
      // Separate files, so the stack traces of a minified bundle can still be read.
      sourcemap: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // React Query marks files "use client" for server-component bundlers; meaningless here.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
