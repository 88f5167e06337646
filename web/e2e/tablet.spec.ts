// At tablet width (768×1024): the landscape, the member portal (both tabs)
// and an office screen fit the window (no horizontal scrolling of the page)
// and their main controls are on screen and usable. The navigation folds
// behind a menu button there (in both languages, by keyboard too) and is a
// bar on a laptop (1366 px).
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

test('at tablet width the navigation is behind a menu button; on a laptop it is a bar', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  const nav = page.getByRole('navigation', { name: '主导航' })
  const menu = page.getByRole('button', { name: '菜单', exact: true })
  await expect(menu).toBeVisible()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(nav).toBeHidden()
  await reachable(page, menu)
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await expect(nav).toBeVisible()
  await fitsTheWindow(page)
  await shot(page, 'tablet-menu-open')
  // Escape folds it again and gives the focus back to the button.
  await nav.getByRole('link').first().focus()
  await page.keyboard.press('Escape')
  await expect(nav).toBeHidden()
  await expect(menu).toBeFocused()
  // A link followed from the menu opens its screen and folds the menu.
  await menu.click()
  await nav.getByRole('link', { name: '产业联盟' }).click()
  await expect(page).toHaveURL(/\/alliances$/)
  await expect(nav).toBeHidden()
  // The same in English.
  await page.getByText('English', { exact: true }).click()
  const menuEn = page.getByRole('button', { name: 'Menu', exact: true })
  await menuEn.click()
  await expect(menuEn).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await page.getByText('简体中文', { exact: true }).click()

  // On a laptop the bar shows every link and there is no menu button.
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.reload()
  await expect(nav).toBeVisible()
  await expect(menu).toBeHidden()
  await expect(nav.getByRole('link', { name: '专利检索' })).toBeInViewport()
  await expect(nav.getByRole('link', { name: '产业联盟' })).toBeInViewport()
  expect(problems).toEqual([])
})
