import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/golden/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // Two shared cores: a shell test that runs thousands of commands can take seconds.
    testTimeout: 30_000,
    // The engine is pure and no test mocks modules, so test files can share
    // loaded modules: importing just-bash and the schema once per worker
    // instead of once per file saves most of the run.
    isolate: false,
  },
});
