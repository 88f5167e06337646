// The analyst's scenario: sign in, run a query, narrow it by a facet, open a
// patent, switch the language; no console errors and no failed requests.
import { expect, test } from '@playwright/test'
import { apiGet, base, chineseLabels, shot, signIn, watchPage } from './helpers'
import { DEMO_PASSWORD } from './global-setup'

test('an analyst searches, filters by a facet, opens a patent and switches language', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  await shot(page, 'login-done')

  const box = page.getByRole('textbox', { name: '检索式' })
  await box.fill('PD>=2000')
  await page.getByRole('button', { name: '检索', exact: true }).click()
  await expect(page.getByText('共 200 条结果')).toBeVisible()
  await expect(page).toHaveURL(/q=PD/)
  await shot(page, 'search')

  const facet = page.getByRole('button', { name: /^按 IPC 小类 筛选：/ }).first()
  const label = (await facet.getAttribute('aria-label')) ?? ''
  const code = /筛选：(\S+)（(\d+)）/.exec(label)
  expect(code).not.toBeNull()
  await facet.click()
  await expect(box).toHaveValue(`PD>=2000 AND IPC=${code![1]}`)
  await expect(page.getByText(`共 ${code![2]} 条结果`)).toBeVisible()
  expect(Number(code![2])).toBeLessThan(200)
  await shot(page, 'search-facet')

  const first = page.getByRole('table').getByRole('link').first()
  const pn = (await first.textContent())!.trim()
  await first.click()
  await expect(page).toHaveURL(new RegExp(`/patents/${pn}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(pn)
  await expect(page.getByRole('heading', { name: '价值评估' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '相似专利' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '权利要求' })).toBeVisible()
  await expect(page.getByRole('img', { name: '价值维度图' })).toBeVisible()
  // Its legal status from the status engine: a state, and the rule it followed.
  await expect(page.getByRole('heading', { name: '法律状态' })).toBeVisible()
  await expect(page.getByTestId('legal-state')).toHaveText(/有效|审查中|失效|期限届满|被撤销|撤回|驳回|未知/)
  await expect(page.getByText('适用规则')).toBeVisible()
  await shot(page, 'patent')

  // A deep link survives a reload (the server answers index.html).
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(pn)

  // (In Chinese, the same check finds the page's labels.)
  expect((await chineseLabels(page)).length).toBeGreaterThan(20)
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Value', exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Similar patents' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Patent search' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await expect(page.getByText('价值评估')).toHaveCount(0)
  expect(await chineseLabels(page)).toEqual([])
  await shot(page, 'patent-en')
  // Every label of the search workspace too, with results and facets.
  await page.getByRole('link', { name: 'Patent search' }).click()
  await page.getByRole('textbox', { name: 'Query' }).fill('PD>=2000')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText('200 results')).toBeVisible()
  expect(await chineseLabels(page)).toEqual([])

  expect(problems).toEqual([])
})

test('a patent page links its citations both ways and its family', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  const top = await apiGet<{ hits: { publication_number: string }[] }>(
    page,
    `/search?q=${encodeURIComponent('PD>=1900')}&limit=1&sort=citations`,
  )
  const pn = top.hits[0].publication_number
  await page.goto(`${base()}/patents/${pn}`)
  await expect(page.getByRole('heading', { name: '引证' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^被引用（[1-9]\d*）$/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: '同族' })).toBeVisible()
  await shot(page, 'patent-citations')

  // A citing patent opens on its own page, whose citations link back.
  const citing = page.getByTestId('cited-by').getByRole('link').first()
  const other = (await citing.textContent())!.trim()
  await citing.click()
  await expect(page).toHaveURL(new RegExp(`/patents/${other}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(other)
  await page.getByTestId('cites').getByRole('link', { name: pn, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(pn)

  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Citations' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Cited by \([1-9]\d*\)$/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Family' })).toBeVisible()
  expect(problems).toEqual([])
})

test('a wrong query shows the problem readably, with its column', async ({ page }) => {
  const problems = watchPage(page, (url, status) => status === 400 && url.includes('/api/v1/search'))
  await signIn(page)
  await page.getByRole('textbox', { name: '检索式' }).fill('PD>=(')
  await page.getByRole('button', { name: '检索', exact: true }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('第 5 列')
  await expect(alert).toContainText('column 5')
  await expect(alert).toContainText('字段：q')
  await shot(page, 'search-error')
  expect(problems).toEqual([])
})

test('signing out returns to the login page, and a deep link asks to sign in first', async ({ page }) => {
  const problems = watchPage(page, (url, status) => status === 401 && url.endsWith('/api/v1/me'))
  await signIn(page)
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByText('您已退出登录。')).toBeVisible()
  await page.goto(`${base()}/alliances`)
  await expect(page).toHaveURL(/\/login\?redirect=/)
  expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([])
})

test('an expired session returns to the login page with a message, then back to the query', async ({ page, context }) => {
  const problems = watchPage(page, (url, status) => status === 401 && url.includes('/api/v1/search'))
  await signIn(page)
  await context.clearCookies()  // as when the server ends the session
  await page.getByRole('textbox', { name: '检索式' }).fill('CC=US')
  await page.getByRole('button', { name: '检索', exact: true }).click()
  await expect(page).toHaveURL(/\/login\?redirect=/)
  await expect(page.getByText('会话已过期，请重新登录。')).toBeVisible()
  await shot(page, 'login-expired')
  await page.getByRole('textbox', { name: '用户名' }).fill('ana')
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/search\?q=CC(=|%3D)US$/)
  await expect(page.getByText('共 200 条结果')).toBeVisible()
  expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([])
})
