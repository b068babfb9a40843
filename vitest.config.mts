import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.mjs';

// `npm test` runs three suites: pure rules (unit), backend on real SQLite
// files (integration) and React components in a DOM (renderer). No browser needed.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
