// The README's two screenshots, taken by scripts/readme_screenshots.sh: the
// search workspace with a query's results and facets, and a landscape of the
// same query with its charts drawn, each at 1366x768 in headless Debian
// chromium (Playwright's library API, no browser download), in 简体中文 (the
// app's default). Arguments: --url BASE --user NAME --password-file FILE
// --query Q --out DIR [--web DIR (web/, where node_modules is)]
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
)
const webDir = path.resolve(args.web || path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'web'))
const { chromium } = createRequire(path.join(webDir, 'package.json'))('@playwright/test')
const base = args.url
const password = fs.readFileSync(args['password-file'], 'utf8').trim()
fs.mkdirSync(args.out, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.PATNAV_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
const page = await context.newPage()
await page.goto(`${base}/login`)
await page.getByRole('textbox', { name: '用户名' }).fill(args.user)
await page.getByLabel('密码', { exact: true }).fill(password)
await page.getByRole('button', { name: '登录' }).click()
await page.waitForURL(/\/search$/)

await page.goto(`${base}/search?q=${encodeURIComponent(args.query)}`)
await page.getByRole('status').filter({ hasText: /条结果/ }).waitFor()
await page.waitForLoadState('networkidle')
await page.screenshot({ path: path.join(args.out, 'search-workspace.png') })

await page.goto(`${base}/landscape?q=${encodeURIComponent(args.query)}`)
await page.getByTestId('landscape-chart').first().waitFor({ timeout: 120_000 })
await page.waitForLoadState('networkidle')
await page.waitForTimeout(1500) // the charts' entry animation
await page.getByTestId('landscape-chart').first().scrollIntoViewIfNeeded()
await page.evaluate(() => window.scrollBy(0, -140))
await page.waitForTimeout(500)
await page.screenshot({ path: path.join(args.out, 'landscape.png') })
await browser.close()
for (const f of ['search-workspace.png', 'landscape.png'])
  console.log(`${path.join(args.out, f)}: ${(fs.statSync(path.join(args.out, f)).size / 1024).toFixed(0)} KiB`)
