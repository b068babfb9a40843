import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.mjs';

// `npm test` runs three suites: pure rules (unit), backend on real SQLite
// files (integration) and React components in a DOM (renderer). No browser needed.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      // Real SQLite files and whole backups: on a loaded two-core CI machine a test may take seconds, which is not a failure.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // Builds the hours import's worker thread once (test/support/workers.ts).
          globalSetup: ['test/support/workers.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
