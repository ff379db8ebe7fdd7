import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { tuneChildProcesses } from './tests/setup/child-processes.ts';

tuneChildProcesses(import.meta.dirname);

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
    // A worker runs its test files one after another in one module graph instead of importing
    // everything again for each: no test file changes a module's state for the next (the one
    // that changes process.env puts it back).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
