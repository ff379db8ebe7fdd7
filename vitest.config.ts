import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real-browser suite has its own config: npm run test:browser.
    exclude: ['tests/browser/**', 'node_modules/**'],
    // Build tests share fixture builds made once by the global setup.
    globalSetup: ['tests/setup/build-fixtures.ts'],
    // One test file per core (vitest's default leaves one core free): most of
    // the time a build test waits on its build, a child process, and every
    // test builds in its own copy of the project (tests/helpers/scratch-project.ts).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
