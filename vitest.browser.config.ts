import { defineConfig } from 'vitest/config';
import { tuneChildProcesses } from './tests/setup/child-processes.ts';

tuneChildProcesses(import.meta.dirname);

/** `npm run test:browser`: the real-browser suite, over builds made by its global setup. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Each file drives its own Chromium; two at a time is plenty on a CI runner.
    maxWorkers: 2,
  },
});
