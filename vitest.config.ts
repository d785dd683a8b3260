import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    // A polled assertion waits as long as a Playwright locator would for a page under CI load (default 1 s).
    expect: { poll: { timeout: 10_000 } },
  },
});
