// The member and licensee portals on the closed 2025Q1 period of alliance
// Solar (global-setup.ts): a member sees its own statement, figure for
// figure what the API answers, and nothing of another member, by link or by
// URL; a licensee computes a report's royalty before filing it, sees a wrong
// period refused at the field and the accepted report listed.
import { expect, test } from '@playwright/test'
import { apiGet, base, shot, signIn, watchPage } from './helpers'
import { formatMoney } from '../src/lib/money'
import type { AccountBalance, MemberStatement, PoolView, RoyaltyReport } from '../src/api/types'

test('a member reads its own statement and balance, and nothing of another member', async ({ page }) => {
  const problems = watchPage(page)
  const asked: string[] = []
  page.on('request', (r) => asked.push(decodeURIComponent(r.url())))
  await signIn(page, 'memA')
  await page.getByRole('link', { name: '产业联盟' }).click()
  await page.getByRole('link', { name: 'Acme 的成员门户' }).click()
  await expect(page).toHaveURL(/\/alliances\/Solar\/member\?member=Acme$/)
  await expect(page.getByRole('heading', { name: '成员门户：Acme', level: 1 })).toBeVisible()

  // The newest closed period first (another scenario may have closed a later one).
  const pv = await apiGet<PoolView>(page, '/alliances/Solar/pools/PV')
  const newest = pv.closed_periods.map((c) => c.period).sort().pop() ?? ''
  await expect(page.getByRole('radio', { name: newest })).toBeChecked()
  await page.goto(`${base()}/alliances/Solar/member?period=2025Q1`)
  const statement = await apiGet<MemberStatement>(page, '/alliances/Solar/members/Acme/statement?period=2025Q1')
  expect(statement.pools.length).toBe(1)
  const pool = statement.pools[0]
  expect(pool.total_minor).toBeGreaterThan(0)
  await expect(page.getByRole('radio', { name: '2025Q1' })).toBeChecked()
  await expect(page.getByTestId(`pool-total-${pool.pool}`)).toHaveText(formatMoney(pool.total_minor, pool.currency, 'zh-CN'))
  const region = page.getByRole('region', { name: pool.pool, exact: true })
  for (const c of pool.countries) {
    const row = region.getByRole('row', { name: new RegExp(`^${c.country}\\b`) })
    await expect(row).toContainText(formatMoney(c.member_minor, pool.currency, 'zh-CN'))
    await expect(row).toContainText(formatMoney(c.gross_minor, pool.currency, 'zh-CN'))
  }
  const balances = await apiGet<AccountBalance[]>(page, '/alliances/Solar/members/Acme/balance')
  const balanceRegion = page.getByRole('region', { name: '账户余额' })
  for (const b of balances) await expect(balanceRegion).toContainText(formatMoney(b.balance_minor, b.currency, 'zh-CN'))

  // Its own patents only.
  const contributed = page.getByRole('region', { name: '本成员贡献的专利' })
  for (const c of pv.patents) {
    const cell = contributed.getByRole('link', { name: c.publication_number, exact: true })
    await expect(cell).toHaveCount(c.member === 'Acme' ? 1 : 0)
  }
  await shot(page, 'member-portal')

  // The deep link survives a reload; the language switch relabels the screen.
  await page.waitForLoadState('networkidle')
  await page.reload()
  await expect(page.getByTestId(`pool-total-${pool.pool}`)).toHaveText(formatMoney(pool.total_minor, pool.currency, 'zh-CN'))
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Member portal: Acme', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Account balances' })).toBeVisible()
  await page.getByText('简体中文', { exact: true }).click()

  // Another member by URL: refused on the screen, never asked of the API.
  await page.goto(`${base()}/alliances/Solar/member?member=${encodeURIComponent('清华大学')}&period=2025Q1`)
  await expect(page.getByRole('alert')).toHaveText(/成员 清华大学 不在您的授权范围内/)
  await expect(page.getByTestId(/^pool-total-/)).toHaveCount(0)
  expect(asked.filter((u) => u.includes('/members/清华大学'))).toEqual([])
  expect(problems).toEqual([])
})

test('a licensee files a royalty report; a wrong period is shown at the field', async ({ page }) => {
  const problems = watchPage(page, (url, status) => status === 400 && url.endsWith('/royalty-reports/preview'))
  await signIn(page, 'licA', /\/alliances$/)
  await page.getByRole('link', { name: 'BYD Auto 的许可门户' }).click()
  await expect(page).toHaveURL(/\/alliances\/Solar\/licensee\?licensee=BYD(\+|%20)Auto$/)
  await expect(page.getByRole('region', { name: '许可协议' })).toContainText('CN, US')
  const listed = page.getByRole('region', { name: '已提交的许可费报告' })
  await expect(listed).toContainText('2025Q1')
  const path = `/alliances/Solar/royalty-reports?licensee=${encodeURIComponent('BYD Auto')}`
  const before = await apiGet<RoyaltyReport[]>(page, path)

  const form = page.getByRole('region', { name: '提交许可费报告' })
  await form.getByLabel('结算期间').fill('2025-13')
  await form.getByLabel('第 1 行国家代码').fill('cn')
  await form.getByLabel('第 1 行数量或净销售额').fill('10')
  await form.getByRole('button', { name: '计算许可费' }).click()
  const periodItem = form.locator('.el-form-item').filter({ has: page.getByLabel('结算期间') })
  await expect(periodItem).toContainText("period '2025-13'")
  await expect(form.getByRole('button', { name: '提交报告' })).toBeDisabled()
  expect(await apiGet<RoyaltyReport[]>(page, path)).toHaveLength(before.length)

  // The royalty is shown before the report is filed, and nothing is filed yet.
  await form.getByLabel('结算期间').fill('2025Q2')
  await form.getByRole('button', { name: '计算许可费' }).click()
  await expect(form.getByRole('region', { name: '计算结果' })).toContainText(formatMoney(500, 'USD', 'zh-CN'))
  expect(await apiGet<RoyaltyReport[]>(page, path)).toHaveLength(before.length)
  await form.getByRole('button', { name: '提交报告' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已提交 2025Q2 的报告' })).toBeVisible()
  const after = await apiGet<RoyaltyReport[]>(page, path)
  const filed = after.find((r) => r.period === '2025Q2')
  expect(filed?.total_minor).toBe(500)  // 10 units at 0.50 USD
  await expect(listed.getByRole('row', { name: /2025Q2/ })).toContainText(formatMoney(500, 'USD', 'zh-CN'))
  await shot(page, 'licensee-portal')

  // Another licensee by URL: refused on the screen.
  await page.goto(`${base()}/alliances/Solar/licensee?licensee=NIO`)
  await expect(page.getByRole('alert')).toHaveText(/被许可方 NIO 不在您的授权范围内/)
  expect(problems).toEqual([])
})
