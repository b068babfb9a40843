import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.mjs';

// `npm run test:e2e`: real Chromium (Playwright) against browser mode, run one file at a time.
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
