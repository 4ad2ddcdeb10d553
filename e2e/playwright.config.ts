import { defineConfig, devices } from '@playwright/test';

/**
 * Journeys against a running workbench (the repo scripts start it; no webServer here). Debian's Chromium,
 * headless, because Playwright's own browser download can't be reached from CI machines without internet.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The suite script collects a JSON report per stack to print one closing tally.
  reporter: process.env.PLAYWRIGHT_JSON_DIR
    ? [['list'], ['json', { outputFile: `${process.env.PLAYWRIGHT_JSON_DIR}/e2e-${process.env.E2E_STACK ?? 'default'}.json` }]]
    : [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
