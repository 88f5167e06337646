// Numbers and dates per language: on the landscape the patent count is
// grouped as each language writes it and the run's time is a date in that
// language; on an office screen (a complaint) the date received likewise.
// The e2e corpus has 200 patents, too few to show grouping, so the
// landscape's answer is passed through with its count raised to 12345 on
// its way to the page (the screen's formatting is what is checked).
// The search workspace likewise: its total and page info.
import { expect, test } from '@playwright/test'
import { apiPost, base, signIn, watchPage } from './helpers'

const EN_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/ // Jan 5, 2026
const EN_TIME = /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/ // Dec 7, 2026, 3:25 AM
const ZH_TIME = /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/ // 2026年12月7日 03:25

test('a count and a date read as English in English and as Chinese in Chinese', async ({ page }) => {
  test.setTimeout(90_000)
  const problems = watchPage(page)
  await page.route('**/api/v1/landscapes', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    body.meta.patents = 12345
    await route.fulfill({ response, json: body })
  })
  await signIn(page, 'rev')
  const complaint = await apiPost<{ id: number }>(page, '/complaints', {
    province: '北京市',
    kind: 'other',
    complainant: '格式测试甲',
    respondent: '格式测试乙',
    summary: '日期与数字格式',
    received_on: '2026-01-05',
  })

  // The office screen: the reviewer's complaint, in Chinese (the default), then in English.
  await page.goto(`${base()}/office/complaints/${complaint.id}`)
  await expect(page.getByText('2026年1月5日', { exact: true })).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByText('Jan 5, 2026', { exact: true })).toBeVisible()
  await expect(page.getByText(EN_DATE).first()).toBeVisible()
  await page.getByText('简体中文', { exact: true }).click()

  // The landscape, in Chinese, then in English.
  await page.context().clearCookies()
  await signIn(page, 'ana')
  await page.goto(`${base()}/landscape?q=${encodeURIComponent('PD>=2000')}`)
  await expect(page.getByTestId('landscape-summary')).toContainText('共 12,345 件专利', { timeout: 60_000 })
  await expect(page.getByTestId('landscape-generated')).toHaveText(ZH_TIME)
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByTestId('landscape-summary')).toContainText('12,345 patents')
  await expect(page.getByTestId('landscape-generated')).toHaveText(EN_TIME)
  await page.getByText('简体中文', { exact: true }).click()
  expect(problems).toEqual([])
})

// The search workspace: the hit total and the page info as each language
// writes them (the total raised to 12345 on its way to the page, as above).
test('the search total and page info read per language', async ({ page }) => {
  const problems = watchPage(page)
  await page.route('**/api/v1/search?*', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    body.total = 12345
    await route.fulfill({ response, json: body })
  })
  await signIn(page, 'ana')
  await page.goto(`${base()}/search?q=${encodeURIComponent('PD>=2000')}`)
  await expect(page.getByRole('status').filter({ hasText: '条结果' })).toHaveText('共 12,345 条结果')
  await expect(page.getByText('第 1 页，共 618 页')).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'results' })).toHaveText('12,345 results')
  await expect(page.getByText('Page 1 of 618')).toBeVisible()
  await page.getByText('简体中文', { exact: true }).click()
  expect(problems).toEqual([])
})
