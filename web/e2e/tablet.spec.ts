// At tablet width (768×1024): the landscape, the member portal (both tabs)
// and an office screen fit the window (no horizontal scrolling of the page)
// and their main controls are on screen and usable.
import { expect, test, type Page } from '@playwright/test'
import { base, shot, signIn, watchPage } from './helpers'

test.use({ viewport: { width: 768, height: 1024 } })

async function fitsTheWindow(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  expect(scroll, 'wider than the window').toBeLessThanOrEqual(client)
}

// The control is shown, inside the window's width, and takes the focus.
async function reachable(page: Page, control: ReturnType<Page['getByRole']>) {
  await control.scrollIntoViewIfNeeded()
  await expect(control).toBeInViewport()
  const box = await control.boundingBox()
  expect(box, 'no box').not.toBeNull()
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x + box!.width).toBeLessThanOrEqual(768)
  await control.focus()
  await expect(control).toBeFocused()
}

test('the landscape, the member portal and the office complaints fit a tablet', async ({ page }) => {
  test.setTimeout(90_000)
  const problems = watchPage(page)

  await signIn(page, 'opS')
  await page.goto(`${base()}/landscape?q=${encodeURIComponent('PD>=2000')}`)
  await expect(page.getByTestId('landscape-summary')).toBeVisible({ timeout: 60_000 })
  await fitsTheWindow(page)
  await reachable(page, page.getByRole('button', { name: '运行分析' }))
  await reachable(page, page.getByRole('button', { name: '下载 XLSX 工作簿' }))
  await reachable(page, page.getByRole('button', { name: '共享给联盟' }))
  await shot(page, 'tablet-landscape')

  await page.context().clearCookies()
  await signIn(page, 'memA', /\/(search|alliances)/)
  await page.goto(`${base()}/alliances/Solar/member`)
  await expect(page.getByRole('heading', { name: /成员门户/ })).toBeVisible()
  await fitsTheWindow(page)
  await reachable(page, page.getByRole('tab', { name: '结算单与专利' }))
  await page.getByRole('tab', { name: '共享的分析报告' }).click()
  await expect(page.getByTestId('shared-landscapes')).toBeVisible()
  await fitsTheWindow(page)
  await shot(page, 'tablet-member-portal')

  await page.context().clearCookies()
  await signIn(page, 'rev')
  await page.goto(`${base()}/office/complaints`)
  await reachable(page, page.getByRole('button', { name: '登记投诉' }))
  await fitsTheWindow(page)
  await shot(page, 'tablet-office-complaints')
  expect(problems).toEqual([])
})
