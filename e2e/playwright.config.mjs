// End-to-end tests against the release build (dist/) served from a sub-path, in
// Debian's Chromium. Screenshots go to e2e/artifacts/ (git-ignored).
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PORT = Number(process.env.WIREWALK_E2E_PORT ?? 4517);
export const BASE_PATH = '/course/wirewalk/';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  outputDir: path.join(root, 'e2e/test-results'),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    launchOptions: {
      executablePath: process.env.WIREWALK_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
    headless: true,
    // The service worker's install fetches the whole build (46 files) into a cache. Only
    // e2e/offline.spec.mjs, which tests it, lets it run; elsewhere it only added work to
    // the pages under test (about 11 % of the suite's CPU time, measured on two specs).
    serviceWorkers: 'block',
  },
  webServer: {
    // Loopback only; stops with the run (and by itself after an hour at most). Twenty
    // minutes was too short: the suite (392 tests) ran 21 minutes in CI, and every test
    // after the 20th minute met a closed port.
    command: `node scripts/static-server.mjs --dir dist --port ${PORT} --base ${BASE_PATH} --max-seconds 3600`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
