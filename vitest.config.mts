import { defineConfig } from 'vitest/config';

// `npm test` runs three suites: pure rules (unit), backend on real SQLite
// files (integration) and React components in a DOM (renderer). No browser needed.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'renderer', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom' } },
    ],
  },
});
