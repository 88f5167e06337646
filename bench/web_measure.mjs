// The browser half of bench/web_run.sh: drives Debian's chromium (headless,
// through Playwright's library API, no browser download) against a running
// `patnav serve` and prints, as JSON on standard output:
//   - cold loads of the search workspace (a fresh browser context each, so
//     nothing is cached): first contentful paint (the paint timing entry),
//     DOMContentLoaded, load, and time to interactive, approximated as in
//     Lighthouse without its network condition: the end of the last long
//     task (> 50 ms, PerformanceObserver 'longtask') before the first 5 s
//     window after FCP with none, or FCP when there was no long task;
//   - the time from pressing Search to the results shown: from the click to
//     the first animation frame in which the URL carries the new query and
//     the results section is no longer busy (the table of the answer is in
//     the DOM), and beside it the API call's own time (resource timing).
// Arguments: --url BASE --user NAME --password-file FILE --queries FILE
//            [--loads N] [--web DIR (web/, where node_modules is)]
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
)
const webDir = path.resolve(args.web || path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'web'))
const { chromium } = createRequire(path.join(webDir, 'package.json'))('@playwright/test')
const base = args.url
const loads = Number(args.loads || 5)
const password = fs.readFileSync(args['password-file'], 'utf8').trim()
const queries = fs.readFileSync(args.queries, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)

// Collects long tasks and paint entries from the first byte of the page on.
const observe = () => {
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration })
  }).observe({ type: 'longtask', buffered: true })
}

const browser = await chromium.launch({
  executablePath: process.env.PATNAV_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})

async function signedInContext() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  const r = await context.request.post(`${base}/api/v1/session`, {
    data: { username: args.user, password },
    headers: { 'X-Requested-With': 'patnav' },
  })
  if (!r.ok()) throw new Error(`sign-in failed: ${r.status()}`)
  await context.addInitScript(observe)
  return context
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN
}

const coldLoads = []
for (let i = 0; i < loads; i++) {
  const context = await signedInContext()
  const page = await context.newPage()
  await page.goto(`${base}/search`, { waitUntil: 'load' })
  await page.locator('form[role="search"] input').waitFor()
  // Wait for a quiet window: 5 s after FCP and after the last long task.
  let m
  for (;;) {
    m = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0]
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      return {
        now: performance.now(),
        fcp: fcp ? fcp.startTime : null,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        transfer: performance.getEntriesByType('resource').reduce((n, e) => n + (e.transferSize || 0), nav.transferSize || 0),
        longTasks: window.__longTasks,
      }
    })
    const lastEnd = Math.max(m.fcp ?? 0, ...m.longTasks.map((t) => t.end))
    if (m.fcp !== null && m.now - lastEnd >= 5000) break
    await page.waitForTimeout(500)
  }
  const after = m.longTasks.filter((t) => t.end > m.fcp)
  const tti = Math.max(m.fcp, m.dcl, ...after.map((t) => t.end))
  coldLoads.push({ fcp: m.fcp, dcl: m.dcl, load: m.load, tti, long_tasks: m.longTasks.length, transfer_bytes: m.transfer })
  await context.close()
}

// Search: one signed-in page, a warm-up query, then each query timed.
const context = await signedInContext()
const page = await context.newPage()
await page.goto(`${base}/search`, { waitUntil: 'load' })
const box = page.locator('form[role="search"] input')
const searchOnce = async (q) => {
  await box.fill(q)
  return await page.evaluate(async (query) => {
    const button = document.querySelector('form[role="search"] button[type="submit"]')
    performance.clearResourceTimings()
    const t0 = performance.now()
    button.click()
    const shown = await new Promise((resolve, reject) => {
      const deadline = t0 + 30000
      const frame = () => {
        const here = new URLSearchParams(location.search).get('q') === query
        const section = document.querySelector('section.results')
        if (here && section && section.getAttribute('aria-busy') === 'false') return resolve(performance.now())
        if (document.querySelector('.query-error') && here) return reject(new Error(`query error: ${query}`))
        if (performance.now() > deadline) return reject(new Error(`no results after 30 s: ${query}`))
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })
    const call = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/v1/search?'))
    const total = document.querySelector('.total')?.textContent ?? ''
    return { shown: shown - t0, api: call ? call.responseEnd - call.startTime : null, total }
  }, q)
}
await searchOnce(queries[0])
const searches = []
for (const q of queries.slice(1)) searches.push({ q, ...(await searchOnce(q)) })
await context.close()
await browser.close()

const col = (xs, k) => xs.map((x) => x[k])
console.log(
  JSON.stringify(
    {
      cold_loads: coldLoads,
      load_median: {
        fcp: median(col(coldLoads, 'fcp')),
        dcl: median(col(coldLoads, 'dcl')),
        load: median(col(coldLoads, 'load')),
        tti: median(col(coldLoads, 'tti')),
        tti_max: Math.max(...col(coldLoads, 'tti')),
        transfer_bytes: median(col(coldLoads, 'transfer_bytes')),
      },
      searches,
      search_summary: {
        n: searches.length,
        shown_p50: median(col(searches, 'shown')),
        shown_p90: pct(col(searches, 'shown'), 90),
        shown_max: Math.max(...col(searches, 'shown')),
        api_p50: median(col(searches, 'api')),
        api_p90: pct(col(searches, 'api'), 90),
      },
    },
    null,
    1,
  ),
)
