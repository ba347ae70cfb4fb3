import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/golden/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // Two shared cores: a shell test that runs thousands of commands can take seconds.
    testTimeout: 30_000,
  },
});
