// What the scenarios share: the server's URL, signing in, watching a page
// for console errors and failed requests, screenshots into the build tree,
// API answers (with the page's session) to compare a screen with.
import { expect, type Page, type Request } from '@playwright/test'
import path from 'node:path'
import { DEMO_PASSWORD } from './global-setup'

const artifacts = process.env.PATNAV_WEB_ARTIFACTS || path.resolve('test-results')

export function base(): string {
  const url = process.env.PATNAV_URL
  if (!url) throw new Error('PATNAV_URL is unset (global-setup did not run)')
  return url
}

// Collects console errors, failed requests and HTTP errors of a page;
// `allowed` lets a scenario expect one (a wrong query's 400).
export function watchPage(page: Page, allowed: (url: string, status: number) => boolean = () => false) {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 400/.test(m.text())) problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  // A request counts as failed when no response came (a body-less 204 whose
  // stream is torn down by a later navigation is reported too, after its response).
  const answered = new Set<Request>()
  page.on('requestfailed', (r) => {
    if (!answered.has(r)) problems.push(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`)
  })
  page.on('response', (r) => {
    answered.add(r.request())
    if (r.status() >= 400 && !allowed(r.url(), r.status())) problems.push(`HTTP ${r.status()}: ${r.url()}`)
  })
  return problems
}

// Signs in and waits for the first screen (the search workspace, or where
// the user's roles lead: a licensee's is the alliances list).
export async function signIn(page: Page, username = 'ana', landing: RegExp = /\/search$/) {
  await page.goto(`${base()}/login`)
  await page.getByRole('textbox', { name: '用户名' }).fill(username)
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(landing)
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifacts, 'screenshots', `${name}.png`), fullPage: true })
}

// An API answer fetched with the browser's own session (the check the
// screen is compared with).
export async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  const r = await page.request.post(`${base()}/api/v1${path}`, {
    data: body,
    headers: { 'X-Requested-With': 'patnav' },
  })
  expect(r.ok(), `POST ${path}: ${r.status()}`).toBe(true)
  return (await r.json()) as T
}

export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(`${base()}/api/v1${path}`)
  expect(r.status()).toBe(200)
  return (await r.json()) as T
}

// The visible texts of the page in Chinese characters, outside the parts
// marked as Chinese inside the page (lang="zh-CN" below <html>: the
// language switch's own name) — after switching to English, the labels left
// untranslated.
export async function chineseLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? ''
      const el = n.parentElement
      if (!text || !el || !/[\u3400-\u9fff]/.test(text)) continue
      const marked = el.closest('[lang]')
      if (marked && marked !== document.documentElement && marked.getAttribute('lang') === 'zh-CN') continue
      if (el.closest('[aria-hidden="true"], script, style')) continue
      if (!el.checkVisibility?.() || el.getClientRects().length === 0) continue
      out.push(text)
    }
    return out
  })
}
