import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every build, check and dev server a test starts is a new Node process that would compile the same
// modules again (Astro, Vite and ours): Node's compile cache, kept between runs, spares them that.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, '.cache', 'node-compile-cache');
// A smaller young generation: a build then touches fewer fresh pages of memory, each a page fault,
// which on these virtual machines is about a third of a test build's CPU time (perf stat: 80,000
// faults a build by default, 60,000 with this; the build's CPU time about 12% less).
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=4`.trim();

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
