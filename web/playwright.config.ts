// Browser end-to-end tests: Playwright drives Debian's chromium (no browser
// download) against a real `patnav serve` started by e2e/global-setup.ts
// (PATNAV_BIN: the binary; PATNAV_WEB_ARTIFACTS: where screenshots and
// traces go, in the build tree when run by ctest).
import { defineConfig } from '@playwright/test'
import path from 'node:path'

const artifacts = process.env.PATNAV_WEB_ARTIFACTS || path.resolve('test-results')

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: path.join(artifacts, 'output'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.PATNAV_CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
