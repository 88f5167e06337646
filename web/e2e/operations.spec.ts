// The operator console of alliance Solar (global-setup.ts): an operator runs
// one pool period from a royalty report filed on the screen (its royalty
// computed before it is saved) to a closed distribution, the preview's
// figures equal to the API's, then checks the ledger and reads the members'
// statements of the period; files another period's report as an uploaded
// CSV; reads each pool's contributions and the talent pool; and reads the
// competitor dashboard of two applicants it watches for the alliance.
import { expect, test } from '@playwright/test'
import { apiGet, apiPost, base, chineseLabels, shot, signIn, watchPage } from './helpers'
import { formatMoney } from '../src/lib/money'
import { formatDate } from '../src/lib/dates'
import { licenseeRows, type Licensee } from '../src/lib/licensees'
import { isoToday, poolPatentState, valueScore } from '../src/lib/poolPatent'
import type { Agreement, Contribution, RoyaltyReport } from '../src/api/types'

interface Plan {
  currency: string
  distributable_minor: number
  members: Record<string, number>
}

interface Filed {
  reports: { total_minor: number; currency: string; report_id: number }[]
  recorded: boolean
}

test('an operator files a royalty report, previews and closes the period, then checks the ledger', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  const report = { licensee: 'BYD Auto', programme: 'GA', period: '2025Q3', lines: [{ country: 'CN', figure: '2000' }] }
  const royalty = await apiPost<Filed>(page, '/alliances/Solar/royalty-reports/preview', report)
  expect(royalty.recorded).toBe(false)
  const due = formatMoney(royalty.reports[0].total_minor, royalty.reports[0].currency, 'zh-CN')
  const reportsOf = (period: string) => apiGet<unknown[]>(page, `/alliances/Solar/royalty-reports?period=${period}`)

  await page.getByRole('link', { name: '产业联盟' }).click()
  await page.getByRole('link', { name: '查看 Solar' }).click()
  await page.getByRole('link', { name: '进入运营控制台' }).click()
  await expect(page).toHaveURL(/\/alliances\/Solar\/operations$/)

  // The royalty report through the screen: computed first, filed after.
  await page.getByRole('tab', { name: '许可' }).click()
  await expect(page).toHaveURL(/\/operations\/licensing$/)
  const form = page.getByRole('region', { name: '提交许可费报告' })
  // The select opens on its visible box (its input is a zero-width combobox).
  await form.locator('.el-form-item').filter({ hasText: '被许可方' }).locator('.el-select').click()
  await page.getByRole('option', { name: 'BYD Auto' }).click()
  await expect(form.locator('.el-form-item').filter({ hasText: '许可计划' })).toContainText('GA')
  await form.getByLabel('结算期间').fill(report.period)
  await form.getByLabel('第 1 行国家代码').fill('cn')
  await form.getByLabel('第 1 行数量或净销售额').fill('2000')
  await expect(form.getByRole('button', { name: '提交报告' })).toBeDisabled()
  await form.getByRole('button', { name: '计算许可费' }).click()
  const computed = form.getByRole('region', { name: '计算结果' })
  await expect(computed).toContainText(`BYD Auto · GA · 2025Q3（1 行）许可费 ${due}`)
  await expect(computed).toContainText('尚未提交')
  expect(await reportsOf(report.period)).toHaveLength(0)
  await shot(page, 'operator-royalty-computed')
  // A changed figure needs computing again before it can be filed.
  await form.getByLabel('第 1 行数量或净销售额').fill('2001')
  await expect(computed).toBeHidden()
  await expect(form.getByRole('button', { name: '提交报告' })).toBeDisabled()
  await form.getByLabel('第 1 行数量或净销售额').fill('2000')
  await form.getByRole('button', { name: '计算许可费' }).click()
  await expect(computed).toContainText(due)
  await form.getByRole('button', { name: '提交报告' }).click()
  await expect(page.getByRole('status').filter({ hasText: `已提交 2025Q3 的报告，许可费 ${due}` })).toBeVisible()
  await expect(page.getByRole('region', { name: '许可费报告', exact: true }).getByRole('row', { name: /2025Q3/ })).toContainText(due)
  const recorded = await apiGet<{ total_minor: number }[]>(page, '/alliances/Solar/royalty-reports?period=2025Q3')
  expect(recorded.map((r) => r.total_minor)).toEqual([royalty.reports[0].total_minor])

  const expected = await apiPost<Plan>(page, '/alliances/Solar/distributions', { pool: 'PV', period: '2025Q3' })
  const shares = Object.entries(expected.members).filter(([, minor]) => minor > 0)
  expect(shares.length).toBeGreaterThan(0)

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

test('an operator uploads a royalty CSV, sees the royalty computed, then files it', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  const csv = 'licensee,programme,period,country,units\nBYD Auto,GA,2025Q4,CN,300\nBYD Auto,GA,2025Q4,US,100\n'
  const royalty = await apiPost<Filed>(page, '/alliances/Solar/royalty-reports/preview', { csv, source: 'q4.csv' })
  expect(royalty.reports).toHaveLength(1)
  const due = formatMoney(royalty.reports[0].total_minor, royalty.reports[0].currency, 'zh-CN')

  await page.goto(`${base()}/alliances/Solar/operations/licensing`)
  const form = page.getByRole('region', { name: '提交许可费报告' })
  await form.getByLabel('许可费报告 CSV 文件').setInputFiles({ name: 'q4.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(form.getByText('已选择 q4.csv（2 行）')).toBeVisible()
  await form.getByRole('button', { name: '计算许可费' }).click()
  await expect(form.getByRole('region', { name: '计算结果' })).toContainText(`BYD Auto · GA · 2025Q4（2 行）许可费 ${due}`)
  expect(await apiGet<unknown[]>(page, '/alliances/Solar/royalty-reports?period=2025Q4')).toHaveLength(0)
  await form.getByRole('button', { name: '提交报告' }).click()
  await expect(page.getByRole('status').filter({ hasText: `已提交 2025Q4 的报告，许可费 ${due}` })).toBeVisible()
  const recorded = await apiGet<{ total_minor: number }[]>(page, '/alliances/Solar/royalty-reports?period=2025Q4')
  expect(recorded.map((r) => r.total_minor)).toEqual([royalty.reports[0].total_minor])
  // The licensees list counts what each licensee agreed and filed, this report included.
  const licensees = licenseeRows(
    await apiGet<Licensee[]>(page, '/alliances/Solar/licensees'),
    await apiGet<Agreement[]>(page, '/alliances/Solar/agreements'),
    await apiGet<RoyaltyReport[]>(page, '/alliances/Solar/royalty-reports'),
  )
  const byd = licensees.find((l) => l.name === 'BYD Auto')!
  expect(byd.reports).toBeGreaterThan(0)
  expect(byd.programmes).toContain('GA')
  const listed = page.getByTestId('licensees').locator('tbody tr')
  await expect(listed).toHaveCount(licensees.length)
  const bydRow = listed.filter({ hasText: 'BYD Auto' })
  await expect(bydRow.locator('td').nth(3)).toHaveText(byd.programmes.join(', '))
  await expect(bydRow.locator('td').nth(4)).toHaveText(String(byd.agreements))
  await expect(bydRow.locator('td').nth(5)).toHaveText(String(byd.reports))
  await expect(bydRow.locator('td').nth(7)).toHaveText(byd.lastPeriod)

  // The licensing tab in English: every label, the form's and the tables', translated.
  expect((await chineseLabels(page)).length).toBeGreaterThan(20)
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'File a royalty report' })).toBeVisible()
  expect(await chineseLabels(page)).toEqual([])
  expect(problems).toEqual([])
})

test("an operator reads each pool's contributions and the talent pool", async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  // A lapse recorded for the first pool patent (in the far future: no period counts it).
  const before = await apiGet<{ patents: Contribution[] }>(page, '/alliances/Solar/pools/PV')
  await apiPost(page, '/alliances/Solar/lapses', { publication: before.patents[0].publication_number, country: 'US', lapsed_on: '2099-12-31' })
  const pv = await apiGet<{ patents: Contribution[] }>(page, '/alliances/Solar/pools/PV')
  expect(pv.patents.length).toBeGreaterThan(0)
  expect(pv.patents[0].lapses).toEqual([{ country: 'US', lapsed_on: '2099-12-31' }])
  // The set-up rescored the pool: every patent has a value score.
  expect(pv.patents.every((c) => typeof c.value_centi === 'number')).toBe(true)
  // An expert who is an inventor of the first pool patent.
  const first = await apiGet<{ inventors?: ({ name: string } | string)[] }>(page, `/patents/${pv.patents[0].publication_number}`)
  const inventor = first.inventors?.map((i) => (typeof i === 'string' ? i : i.name))[0]
  expect(inventor).toBeTruthy()
  await apiPost(page, '/alliances/Solar/experts', { name: '张工', member: 'Acme', field: '光伏组件', inventor, contact: 'zhang@example.com' })
  const experts = await apiGet<{ name: string; patents: string[] }[]>(page, '/alliances/Solar/experts')
  const zhang = experts.find((e) => e.name === '张工')
  expect(zhang?.patents).toContain(pv.patents[0].publication_number)

  await page.goto(`${base()}/alliances/Solar/operations/pools`)
  const rows = page.getByTestId('contributions-PV').locator('tbody tr')
  await expect(rows).toHaveCount(pv.patents.length)
  for (const c of pv.patents) {
    const row = rows.filter({ has: page.getByRole('link', { name: c.publication_number, exact: true }) })
    await expect(row).toContainText(c.member)
    await expect(row).toContainText(formatDate(c.contributed_on, 'zh-CN'))
    await expect(row).toContainText(valueScore(c.value_centi))
    const state = { in_force: '有效', expired: '已届满', lapsed: '已失效', partly_lapsed: '部分失效' }[poolPatentState(c, isoToday())]
    await expect(row.locator('.el-tag')).toHaveText(state)
  }
  await expect(rows.first()).toContainText('US 自 2099年12月31日')
  await page.getByRole('tab', { name: '人才库' }).click()
  await expect(page).toHaveURL(/\/operations\/experts$/)
  const row = page.getByRole('region', { name: '人才库' }).getByRole('row', { name: /张工/ })
  await expect(row).toContainText(inventor!)
  await expect(row).toContainText('光伏组件')
  await expect(row).toContainText(String(zhang!.patents.length))
  for (const pn of zhang!.patents.slice(0, 3)) await expect(row.getByRole('link', { name: pn, exact: true })).toBeVisible()
  await shot(page, 'operator-experts')
  expect(problems).toEqual([])
})

interface Competitor {
  watch: string
  publications: number
  publications_before: number
  citing_pool: number
  per_month: Record<string, number>
}
interface Dashboard {
  from: string
  to: string
  competitors: Competitor[]
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

test('an operator reads the competitor dashboard of two watched applicants', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  // The corpus's two largest applicants, watched and shared with Solar.
  const found = await apiGet<{ facets: { applicants: { value: string }[] } }>(
    page,
    `/search?q=${encodeURIComponent('PD>=1900')}&limit=1&facets=true`,
  )
  const rivals = found.facets.applicants.slice(0, 2).map((a) => a.value)
  expect(rivals.length).toBe(2)
  for (const name of rivals)
    await apiPost(page, '/watches', { name, kind: 'applicant', applicants: [name], alliance: 'Solar', rate: 'monthly' })
  const latest = await apiGet<{ hits: { publication_date: string }[] }>(
    page,
    `/search?q=${encodeURIComponent('PD>=1900')}&limit=1&sort=date`,
  )
  const asOf = latest.hits[0].publication_date
  const expected = await apiGet<Dashboard>(page, `/alliances/Solar/competitors?months=24&as_of=${asOf}`)
  expect(expected.competitors.map((c) => c.watch).sort()).toEqual([...rivals].sort())
  expect(expected.competitors.some((c) => c.publications > 0)).toBe(true)

  await page.getByRole('link', { name: '产业联盟' }).click()
  await page.getByRole('link', { name: '查看 Solar' }).click()
  await page.getByRole('link', { name: '竞争对手看板' }).click()
  await expect(page).toHaveURL(/\/alliances\/Solar\/competitors/)
  // The select opens on its visible box (its input is a zero-width combobox).
  await page.locator('.el-form-item').filter({ hasText: '时间窗' }).locator('.el-select').click()
  await page.getByRole('option', { name: '24 个月' }).click()
  const day = page.locator('.el-form-item').filter({ hasText: '截至' }).locator('input')
  await day.fill(asOf)
  await day.press('Enter')
  await expect(page).toHaveURL(new RegExp(`months=24&as_of=${asOf}$`))
  // The window's dates as Chinese writes them (2023年12月3日).
  const zhDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')
  await expect(page.getByText(`${zhDate(expected.from)} 至 ${zhDate(expected.to)}`)).toBeVisible()

  const table = page.getByRole('region', { name: '汇总' })
  for (const c of expected.competitors) {
    const row = table.getByRole('row', { name: new RegExp(c.watch) })
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(c.publications))
    await expect(row.getByRole('cell').nth(2)).toContainText(String(c.publications_before))
    await expect(row.getByRole('cell').nth(3)).toHaveText(String(c.citing_pool))
  }
  // The charts describe their data to screen readers (ECharts' aria): on the
  // activity chart each competitor's publications in the window and its
  // citations of the pool (a bar's value after its category's index), on
  // the monthly chart one line per competitor.
  const activity = page.getByRole('region', { name: '时间窗内的动态' }).locator('[aria-label]').last()
  const bar = (series: string, c: Competitor, n: number) =>
    new RegExp(`表示${series}的柱状图[^；]*${escaped(c.watch)}的数据是(\\d+，)?${n}[，；。]`)
  for (const c of expected.competitors) {
    await expect(activity).toHaveAttribute('aria-label', bar('公开', c, c.publications))
    await expect(activity).toHaveAttribute('aria-label', bar('引用联盟专利', c, c.citing_pool))
  }
  const monthly = page.getByRole('region', { name: '每月公开量' }).locator('[aria-label]').last()
  for (const c of expected.competitors)
    await expect(monthly).toHaveAttribute('aria-label', new RegExp(`表示${escaped(c.watch)}的折线图`))
  await shot(page, 'competitors')

  await page.reload()
  await expect(page.getByText(`${zhDate(expected.from)} 至 ${zhDate(expected.to)}`)).toBeVisible()
  expect(problems).toEqual([])
})
