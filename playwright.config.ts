/**
 * End-to-end tests in Debian's headless Chromium against the offline sandbox, in production mode (vite build served
 * with the production CSP). The sandbox runs on its own ports (4110 / 4173) so a dev sandbox on 4010 / 5173 does not
 * clash. One worker: faults are switched on the shared sandbox at run time (test/e2e/faults.spec.ts).
 */
import { defineConfig } from '@playwright/test';

const sandboxPort = process.env.E2E_SANDBOX_PORT ?? '4110';
const appPort = process.env.E2E_APP_PORT ?? '4173';
// The specs read these (test/e2e/fixtures.ts).
process.env.E2E_SANDBOX_PORT = sandboxPort;
process.env.E2E_APP_PORT = appPort;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${sandboxPort}`,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the background-networking flags Chromium keeps trying to reach the internet.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', headless: true } }],
  webServer: {
    command: 'npx tsx sandbox/start.ts --prod',
    url: `http://127.0.0.1:${sandboxPort}/fhir/metadata`,
    env: {
      SANDBOX_PORT: sandboxPort,
      APP_PORT: appPort,
      APP_URL: `http://127.0.0.1:${appPort}`,
      SANDBOX_FAULTS: '',
      SANDBOX_LATENCY_MS: '0',
      // A hand-made Synthea-shaped bundle served besides the demo patients (test/e2e/extra-patients.spec.ts).
      SANDBOX_EXTRA_PATIENTS: 'test/e2e/extra-patients',
    },
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
