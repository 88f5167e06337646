// The operator console of alliance Solar (global-setup.ts): an operator runs
// one pool period from a royalty report to a closed distribution, the
// preview's figures equal to the API's, then checks the ledger and reads the
// members' statements of the period.
import { expect, test } from '@playwright/test'
import { apiPost, shot, signIn, watchPage } from './helpers'
import { formatMoney } from '../src/lib/money'

interface Plan {
  currency: string
  distributable_minor: number
  members: Record<string, number>
}

test('an operator previews and closes a period, then checks the ledger', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  await apiPost(page, '/alliances/Solar/royalty-reports', {
    licensee: 'BYD Auto',
    programme: 'GA',
    period: '2025Q3',
    lines: [{ country: 'CN', figure: '2000' }],
  })
  const expected = await apiPost<Plan>(page, '/alliances/Solar/distributions', { pool: 'PV', period: '2025Q3' })
  const shares = Object.entries(expected.members).filter(([, minor]) => minor > 0)
  expect(shares.length).toBeGreaterThan(0)

  await page.getByRole('link', { name: '产业联盟' }).click()
  await page.getByRole('link', { name: '查看 Solar' }).click()
  await page.getByRole('link', { name: '进入运营控制台' }).click()
  await expect(page).toHaveURL(/\/alliances\/Solar\/operations$/)
  await page.getByRole('tab', { name: '分配' }).click()
  await expect(page).toHaveURL(/\/operations\/distribution$/)
  const panel = page.getByRole('region', { name: '分配' })
  await panel.getByLabel('结算期间').fill('2025Q3')
  await panel.getByRole('button', { name: '预览分配' }).click()
  for (const [member, minor] of shares)
    await expect(panel.getByRole('row', { name: new RegExp(member) })).toContainText(formatMoney(minor, expected.currency, 'zh-CN'))
  await shot(page, 'operator-distribution')

  await panel.getByRole('button', { name: '关闭期间' }).click()
  await page.getByRole('button', { name: /确定|OK/ }).click()
  await expect(page.getByRole('status').filter({ hasText: '已关闭 PV 的 2025Q3 期间' })).toBeVisible()

  await page.getByRole('tab', { name: '账本' }).click()
  await page.getByRole('button', { name: '核对账本' }).click()
  await expect(page.getByRole('status').filter({ hasText: '账本平衡' })).toBeVisible()

  await page.getByRole('tab', { name: '结算单' }).click()
  await page.getByLabel('结算期间').fill('2025Q3')
  await page.getByRole('button', { name: '查看结算单' }).click()
  const statements = page.getByRole('region', { name: '结算单' })
  for (const [member, minor] of shares)
    await expect(statements.getByRole('row', { name: new RegExp(member) })).toContainText(formatMoney(minor, expected.currency, 'zh-CN'))
  expect(problems).toEqual([])
})
