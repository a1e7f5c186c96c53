import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.MOORING_E2E_PORT ?? 4310);

/**
 * End-to-end tests drive a real Mooring server, real agents and the system's Chromium; no
 * browser is downloaded. The server gets a data folder of its own so tests never touch a
 * user's environments.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 10 * 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx tsx apps/server/src/main.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      MOORING_PORT: String(PORT),
      MOORING_AGENT_EVENT_PORT: String(PORT + 1),
      MOORING_DATA_DIR: '.mooring/test-data',
      MOORING_LOG_LEVEL: 'warn',
      // The same default as the integration tests: the local image needs no registry.
      MOORING_BASE_IMAGE: process.env.MOORING_BASE_IMAGE ?? 'mooring/python-base:bookworm',
    },
  },
});
