import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real-browser suite has its own config: npm run test:browser.
    exclude: ['tests/browser/**', 'node_modules/**'],
    // Build tests share fixture builds made once by the global setup.
    globalSetup: ['tests/setup/build-fixtures.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
