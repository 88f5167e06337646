// The keyboard only, at tablet width (768×1024): sign in, skip to the main
// content, run a query with Enter, Tab to a result and open it; every
// control the focus lands on shows a focus ring (asserted on the computed
// outline), and no screen is wider than the window.
import { expect, test, type Page } from '@playwright/test'
import { base, shot, watchPage } from './helpers'
import { DEMO_PASSWORD } from './global-setup'

test.use({ viewport: { width: 768, height: 1024 } })

interface Focused {
  tag: string
  name: string
  href: string
  ring: string // "" when nothing shows where the focus is
}

// The focused element and its focus ring: its own outline, or the outline
// of the face the user sees for it (an Element Plus input or select draws
// its frame on a wrapper around the input; a radio button its face after
// the hidden radio).
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'BODY', name: '', href: '', ring: '' }
    const name = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60)
    const href = el.getAttribute('href') ?? ''
    const ringOf = (x: Element) => {
      const s = getComputedStyle(x)
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : ''
    }
    const face = el.closest('.el-input__wrapper, .el-select__wrapper') ?? (el.matches('input[type=radio]') ? el.nextElementSibling : null)
    return { tag: el.tagName, name, href, ring: ringOf(el) || (face ? ringOf(face) : '') }
  })
}

// Presses Tab until `wanted` holds for the focused element, checking on the
// way that every stop shows its focus ring.
async function tabTo(page: Page, wanted: (f: Focused) => boolean, max = 150): Promise<Focused> {
  for (let i = 0; i < max; ++i) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f.tag !== 'BODY') expect(f.ring, `no focus ring on ${f.tag} "${f.name}"`).not.toBe('')
    if (wanted(f)) return f
  }
  throw new Error(`not reached in ${max} presses of Tab`)
}

async function fitsTheWindow(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  expect(scroll, 'wider than the window').toBeLessThanOrEqual(client)
}

test('at tablet width, an analyst signs in, searches and opens a result by keyboard alone', async ({ page }) => {
  const problems = watchPage(page)
  await page.goto(`${base()}/login`)
  await tabTo(page, (f) => f.tag === 'INPUT' && f.name === '用户名')
  await page.keyboard.type('ana')
  await tabTo(page, (f) => f.tag === 'INPUT' && f.name === '密码')
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search$/)
  await fitsTheWindow(page)

  // The first stop is the skip link, shown when focused; it leads past the
  // navigation to the query box.
  const skip = await tabTo(page, () => true, 1)
  expect(skip.name).toBe('跳到主要内容')
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeInViewport()
  await page.keyboard.press('Enter')
  await tabTo(page, (f) => f.tag === 'INPUT' && f.name === '检索式', 3)
  await page.keyboard.type('PD>=2000')
  await page.keyboard.press('Enter')
  await expect(page.getByText('共 200 条结果')).toBeVisible()
  await expect(page).toHaveURL(/q=PD/)
  await fitsTheWindow(page)
  await shot(page, 'tablet-search')

  // On through the facets and the toolbar to the first result.
  const facet = await tabTo(page, (f) => f.tag === 'BUTTON' && f.name.startsWith('按'))
  expect(facet.ring).not.toBe('')
  const result = await tabTo(page, (f) => f.tag === 'A' && f.href.startsWith('/patents/'))
  const pn = result.href.replace('/patents/', '')
  await shot(page, 'tablet-search-focus')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/patents/${pn}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(pn)
  await fitsTheWindow(page)
  await shot(page, 'tablet-patent')
  expect(problems).toEqual([])
})
