import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the production build (`vite build` + `vite
 * preview`), with the small test handle compiled in (VITE_TEST_HANDLE=1),
 * in the system Chromium: no browser download, no sandbox flag needed as root
 * (Playwright adds --no-sandbox itself). See TRAPS.md §5.
 */
// OUTBOUND_E2E_PORT lets two runs share a machine (each builds into its own
// folder, and its preview server skips Vite's one-preview-per-project lock).
const port = Number(process.env.OUTBOUND_E2E_PORT ?? 4173);
const outDir = port === 4173 ? 'dist/e2e' : `dist/e2e-${port}`;
const shared = port === 4173 ? '' : ' --bypass-lock';
const chromium = process.env.OUTBOUND_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: port === 4173 ? 'test-results' : `test-results-${port}`,
  use: {
    browserName: 'chromium',
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromium,
      // The machine has no network: keep Chromium from reaching out on its own.
      args: ['--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
  webServer: {
    command:
      `VITE_TEST_HANDLE=1 npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn && ` +
      `npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort${shared}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
