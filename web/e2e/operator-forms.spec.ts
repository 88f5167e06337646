// The operator console's forms (WriteDialog.vue) on alliance Solar
// (global-setup.ts): the operator creates pool Wind, contributes patents
// pasted one per line, sets one essential, records a lapse and sees it in
// the pool's patents, creates a programme, adds a licensee and an agreement,
// files the period's royalty report, closes the distribution and then
// withdraws a patent (confirmed) — all
// through the screen; adds members, contributes to the fund, lends and is
// repaid, reverses a transaction and records a member leaving (each
// destructive write confirmed); a refused write shows the server's message
// at its field and saves nothing; the console at tablet width; a member
// sees none of the forms.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { apiGet, apiPost, base, shot, signIn, watchPage } from './helpers'
import { formatMoney } from '../src/lib/money'
import { formatDate } from '../src/lib/dates'
import { valueScore } from '../src/lib/poolPatent'
import type { Contribution } from '../src/api/types'

interface PoolView {
  patents: Contribution[]
}
interface Filed {
  reports: { total_minor: number; currency: string }[]
}
interface Fund {
  balances: { account: string; currency: string; balance_minor: number }[]
  loans: { id: number; member: string; currency: string; outstanding_minor: number }[]
}

// Chooses `option` in the select labelled `label` of `scope`; the select
// opens on its visible box (its input is a zero-width combobox).
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.locator('.el-form-item').filter({ has: page.getByText(label, { exact: true }) }).locator('.el-select').click()
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
}

// Opens the form of `write` (its button in `scope`) and returns its dialog.
async function openForm(page: Page, scope: Locator | Page, title: string): Promise<Locator> {
  await scope.getByRole('button', { name: title, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: title }).and(page.locator('.el-overlay-dialog'))
  await expect(dialog).toBeVisible()
  return dialog
}

async function save(dialog: Locator) {
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
}

// Publication numbers of the corpus not yet in pool PV.
async function freshPatents(page: Page, n: number): Promise<string[]> {
  const pv = await apiGet<PoolView>(page, '/alliances/Solar/pools/PV')
  const taken = new Set(pv.patents.map((c) => c.publication_number))
  const found = await apiGet<{ hits: { publication_number: string }[] }>(page, `/search?q=${encodeURIComponent('PD>=1900')}&limit=12`)
  const out = found.hits.map((h) => h.publication_number).filter((pn) => !taken.has(pn)).slice(0, n)
  expect(out).toHaveLength(n)
  return out
}

test('an operator creates a pool, contributes patents, licenses them and closes the first period, all on the screen', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  const pns = await freshPatents(page, 2)
  await page.goto(`${base()}/alliances/Solar/operations/pools`)

  let form = await openForm(page, page, '创建专利池')
  await form.getByLabel('专利池名称').fill('Wind')
  await form.getByLabel('币种').fill('usd')
  await form.getByLabel('管理费（占总收入 %）').fill('5')
  await save(form)
  const wind = page.getByRole('region', { name: '专利池 Wind' })
  await expect(wind.getByRole('heading', { name: 'Wind · USD' })).toBeVisible()

  form = await openForm(page, wind, '贡献专利')
  await choose(page, form, '成员', 'Acme')
  await form.getByLabel('贡献日期').fill('2024-01-01')
  await form.getByLabel('另外的有效国家').fill('cn, us')
  await form.getByLabel('公开号').fill(` ${pns[0].toLowerCase()}\n\n${pns[1]}\n`)
  await save(form)
  const rows = page.getByTestId('contributions-Wind').locator('tbody tr')
  await expect(rows).toHaveCount(2)
  const row = (pn: string) => rows.filter({ has: page.getByRole('link', { name: pn, exact: true }) })
  for (const pn of pns) await expect(row(pn)).toContainText(formatDate('2024-01-01', 'zh-CN'))

  form = await openForm(page, wind, '设定必要性')
  await choose(page, form, '专利', new RegExp(pns[0]))
  await choose(page, form, '必要性', '必要')
  await form.getByLabel('决定日期').fill('2024-02-01')
  await save(form)
  await expect(row(pns[0])).toContainText('必要')

  form = await openForm(page, wind, '记录失效')
  await choose(page, form, '专利', new RegExp(pns[1]))
  await form.getByLabel('国家（留空：所有国家）').fill('us')
  await form.getByLabel('失效日期').fill('2099-06-30')
  await save(form)
  await expect(row(pns[1])).toContainText(`US 自 ${formatDate('2099-06-30', 'zh-CN')}`)
  // Scored with the value model (a distribution by value needs the scores).
  form = await openForm(page, wind, '重新评分')
  await save(form)
  await expect(row(pns[0]).getByText('未评分')).toHaveCount(0)
  const saved = await apiGet<PoolView>(page, '/alliances/Solar/pools/Wind')
  for (const c of saved.patents) await expect(row(c.publication_number)).toContainText(valueScore(c.value_centi))
  expect(saved.patents.find((c) => c.publication_number === pns[0])?.essentiality).toBe('essential')
  expect(saved.patents.find((c) => c.publication_number === pns[1])?.lapses).toEqual([{ country: 'US', lapsed_on: '2099-06-30' }])
  await shot(page, 'operator-forms-pool')

  await page.getByRole('tab', { name: '许可' }).click()
  form = await openForm(page, page, '创建许可计划')
  await choose(page, form, '专利池', 'Wind')
  await form.getByLabel('许可计划名称').fill('WA')
  await form.getByLabel('费率（每件金额或净销售额百分比）').fill('1.00')
  await save(form)
  const licensing = page.getByRole('region', { name: '许可', exact: true })
  await expect(licensing.getByRole('row', { name: /WA/ }).first()).toContainText('Wind')

  form = await openForm(page, page, '添加被许可方')
  await form.getByLabel('被许可方名称').fill('Goldwind')
  await form.getByLabel('国家（留空：所有国家）').fill('cn')
  await save(form)
  await expect(page.getByTestId('licensees').getByRole('row', { name: /Goldwind/ })).toContainText('CN')

  form = await openForm(page, page, '添加许可协议')
  await choose(page, form, '被许可方', 'Goldwind')
  await choose(page, form, '许可计划', 'WA · Wind')
  await form.getByLabel('许可地域').fill('CN')
  await form.getByLabel('生效日期').fill('2024-01-01')
  await save(form)

  // The period's royalty report, computed then filed on the screen.
  const report = { licensee: 'Goldwind', programme: 'WA', period: '2025Q2', lines: [{ country: 'CN', figure: '300' }] }
  const royalty = await apiPost<Filed>(page, '/alliances/Solar/royalty-reports/preview', report)
  const due = formatMoney(royalty.reports[0].total_minor, royalty.reports[0].currency, 'zh-CN')
  const file = page.getByRole('region', { name: '提交许可费报告' })
  await choose(page, file, '被许可方', 'Goldwind')
  await expect(file.locator('.el-form-item').filter({ hasText: '许可计划' })).toContainText('WA')
  await file.getByLabel('结算期间').fill('2025Q2')
  await file.getByLabel('第 1 行国家代码').fill('CN')
  await file.getByLabel('第 1 行数量或净销售额').fill('300')
  await file.getByRole('button', { name: '计算许可费' }).click()
  await expect(file.getByRole('region', { name: '计算结果' })).toContainText(due)
  await file.getByRole('button', { name: '提交报告' }).click()
  await expect(page.getByRole('status').filter({ hasText: `已提交 2025Q2 的报告，许可费 ${due}` })).toBeVisible()

  await page.getByRole('tab', { name: '分配' }).click()
  const panel = page.getByRole('region', { name: '分配' })
  await choose(page, panel, '专利池', 'Wind')
  await panel.getByLabel('结算期间').fill('2025Q2')
  await panel.getByRole('button', { name: '预览分配' }).click()
  await expect(panel.getByRole('row', { name: /Acme/ })).toBeVisible()
  await panel.getByRole('button', { name: '关闭期间' }).click()
  await page.getByRole('button', { name: /确定|OK/ }).click()
  await expect(page.getByRole('status').filter({ hasText: '已关闭 Wind 的 2025Q2 期间' })).toBeVisible()
  await page.getByRole('tab', { name: '专利池' }).click()
  await expect(wind.getByRole('row', { name: /2025Q2/ })).toBeVisible()

  // Withdrawn after the closed period, confirmed first.
  form = await openForm(page, wind, '撤回专利')
  await choose(page, form, '专利', new RegExp(pns[1]))
  await form.getByLabel('日期').fill('2026-01-15')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.el-message-box')).toContainText(`确认从专利池撤回 ${pns[1]}？`)
  await page.getByRole('button', { name: '确认' }).click()
  await expect(form).toBeHidden()
  await expect(row(pns[1])).toContainText(formatDate('2026-01-15', 'zh-CN'))
  expect(problems).toEqual([])
})

test('an operator adds members, runs the fund and reverses a transaction, confirming what ends or undoes', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'opS')
  await page.goto(`${base()}/alliances/Solar/operations/members`)
  const members = page.getByTestId('console-members')
  for (const [name, type] of [
    ['深圳大学', '高校'],
    ['Leaver Lab', '科研院所'],
  ]) {
    const form = await openForm(page, page, '添加成员')
    await form.getByLabel('名称').fill(name)
    await choose(page, form, '成员类型', type)
    await form.getByLabel('入盟日期').fill('2024-05-01')
    await save(form)
    await expect(members.getByRole('row', { name: new RegExp(name) })).toContainText(type)
  }

  let form = await openForm(page, page, '成员退出')
  await choose(page, form, '成员', 'Leaver Lab')
  await form.getByLabel('退出日期').fill('2025-12-31')
  await form.getByRole('button', { name: '保存' }).click()
  // Cancelled first: nothing recorded.
  await page.getByRole('dialog', { name: '成员退出' }).filter({ hasText: '确认记录成员 Leaver Lab' }).getByRole('button', { name: '取消' }).click()
  await expect(form).toBeVisible()
  expect((await apiGet<{ name: string; left_on: string }[]>(page, '/alliances/Solar/members')).find((m) => m.name === 'Leaver Lab')?.left_on).toBe('')
  await form.getByRole('button', { name: '保存' }).click()
  await page.getByRole('button', { name: '确认' }).click()
  await expect(form).toBeHidden()
  await expect(members.getByRole('row', { name: /Leaver Lab/ })).toContainText(formatDate('2025-12-31', 'zh-CN'))

  await page.getByRole('tab', { name: '基金' }).click()
  const before = await apiGet<Fund>(page, '/alliances/Solar/fund')
  form = await openForm(page, page, '基金出资')
  await choose(page, form, '成员', '深圳大学')
  await form.getByLabel('币种').fill('CNY')
  await form.getByLabel('金额').fill('1234.567')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.getByText('请填写 CNY 金额，小数位不超过该币种的位数')).toBeVisible()
  await form.getByLabel('金额').fill('1,234.5')
  await expect(form.getByText('将记录为 1,234.50 CNY')).toBeVisible()
  await save(form)
  const notice = page.getByRole('alert').filter({ hasText: '已保存：基金出资（账本交易' })
  await expect(notice).toBeVisible()
  const txn = /账本交易 (\d+)/.exec((await notice.textContent()) ?? '')?.[1]
  expect(txn).toBeTruthy()
  const after = await apiGet<Fund>(page, '/alliances/Solar/fund')
  const cny = (f: Fund) => f.balances.filter((b) => b.currency === 'CNY')
  const changed = cny(after).find((b) => b.balance_minor !== cny(before).find((x) => x.account === b.account)?.balance_minor)
  expect(changed).toBeTruthy()
  await expect(page.getByRole('row', { name: new RegExp(changed!.account) }).first()).toContainText(formatMoney(changed!.balance_minor, 'CNY', 'zh-CN'))

  form = await openForm(page, page, '发放过桥贷款')
  await choose(page, form, '成员', '深圳大学')
  await form.getByLabel('币种').fill('CNY')
  await form.getByLabel('金额').fill('1000')
  await form.getByLabel('期限（月）').fill('10')
  await save(form)
  const loans = page.getByTestId('loans').getByRole('row', { name: /深圳大学/ })
  await expect(loans.first()).toContainText(formatMoney(100000, 'CNY', 'zh-CN'))

  form = await openForm(page, page, '偿还贷款')
  await choose(page, form, '贷款', /深圳大学/)
  await form.getByLabel('本金').fill('250.00')
  await save(form)
  await expect(loans.first()).toContainText(formatMoney(75000, 'CNY', 'zh-CN'))
  const loan = (await apiGet<Fund>(page, '/alliances/Solar/fund')).loans.find((l) => l.member === '深圳大学')
  expect(loan?.outstanding_minor).toBe(75000)

  // The contribution's own change of that account, undone by the reversal.
  const contributed = changed!.balance_minor - (cny(before).find((b) => b.account === changed!.account)?.balance_minor ?? 0)
  const beforeReversal = cny(await apiGet<Fund>(page, '/alliances/Solar/fund')).find((b) => b.account === changed!.account)!.balance_minor
  await page.getByRole('tab', { name: '账本' }).click()
  form = await openForm(page, page, '冲销交易')
  await form.getByLabel('账本交易编号').fill(txn!)
  await form.getByLabel('原因').fill('出资金额录入错误')
  await form.getByRole('button', { name: '保存' }).click()
  await page.getByRole('button', { name: '确认' }).click()
  await expect(form).toBeHidden()
  await page.getByRole('button', { name: '核对账本' }).click()
  await expect(page.getByRole('status').filter({ hasText: '账本平衡' })).toBeVisible()
  const reversed = await apiGet<Fund>(page, '/alliances/Solar/fund')
  expect(Math.abs(contributed)).toBe(123450)
  expect(cny(reversed).find((b) => b.account === changed!.account)?.balance_minor).toBe(beforeReversal - contributed)
  expect(problems).toEqual([])
})

test('a refused write shows the server’s message at its field and saves nothing', async ({ page }) => {
  const problems = watchPage(page, (url, status) => status === 404 && /\/pools\/PV\/contributions$/.test(url))
  await signIn(page, 'opS')
  const before = await apiGet<PoolView>(page, '/alliances/Solar/pools/PV')
  const [fresh] = await freshPatents(page, 1)
  const contributions: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/pools/PV/contributions')) contributions.push(r.url())
  })
  await page.goto(`${base()}/alliances/Solar/operations/pools`)
  const form = await openForm(page, page.getByRole('region', { name: '专利池 PV' }), '贡献专利')
  await choose(page, form, '成员', 'Acme')
  // A date that is not ISO: refused on the client, nothing sent.
  await form.getByLabel('贡献日期').fill('2025/01/02')
  await form.getByLabel('公开号').fill(`${fresh}\nUS99999999B2`)
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('.el-form-item').filter({ hasText: '贡献日期' })).toContainText('请按 YYYY-MM-DD 填写日期')
  expect(contributions).toEqual([])
  // An unknown publication: the server refuses the whole contribution.
  await form.getByLabel('贡献日期').fill('2025-01-02')
  await form.getByRole('button', { name: '保存' }).click()
  const detail = 'unknown patent US99999999B2 (not in the store)'
  await expect(form.locator('.el-alert')).toContainText(detail)
  await expect(form.locator('.el-form-item').filter({ hasText: '公开号' })).toContainText(detail)
  await expect(form).toBeVisible()
  expect(contributions).toHaveLength(1)
  const after = await apiGet<PoolView>(page, '/alliances/Solar/pools/PV')
  expect(after.patents.map((c) => c.publication_number)).toEqual(before.patents.map((c) => c.publication_number))
  await shot(page, 'operator-forms-refused')
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([])
})

test('the console at tablet width, in English: no page overflow, every form reachable, labelled and translated', async ({ page }) => {
  const problems = watchPage(page)
  await page.setViewportSize({ width: 768, height: 1024 })
  await signIn(page, 'opS')
  await page.getByText('English', { exact: true }).click()
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  let forms = 0
  for (const tab of ['pools', 'licensing', 'distribution', 'statements', 'ledger', 'fund', 'members', 'experts']) {
    await page.goto(`${base()}/alliances/Solar/operations/${tab}`)
    await expect(page.getByRole('tab', { selected: true })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0)
    expect(await overflow(), tab).toBeLessThanOrEqual(0)
    const buttons = page.locator('.writes .el-button').filter({ hasNotText: 'Check the ledger' })
    const titles = await buttons.allTextContents()
    for (let i = 0; i < titles.length; i++) {
      const title = titles[i].trim()
      const button = buttons.nth(i)
      await button.scrollIntoViewIfNeeded()
      await button.click()
      const dialog = page.getByRole('dialog', { name: title }).and(page.locator('.el-overlay-dialog'))
      await expect(dialog).toBeVisible()
      const box = (await dialog.locator('.el-dialog').boundingBox())!
      expect(box.x, title).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width, title).toBeLessThanOrEqual(768)
      // Every control named, no label left in Chinese.
      const unnamed = await dialog.evaluate((d) =>
        [...d.querySelectorAll('input:not([type=hidden]), textarea')].filter((c) => !c.getAttribute('aria-label') && !c.closest('label')).length,
      )
      expect(unnamed, title).toBe(0)
      expect(await dialog.innerText(), title).not.toMatch(/[\u3400-\u9fff]/)
      const save = dialog.getByRole('button', { name: 'Save' })
      await save.scrollIntoViewIfNeeded()
      await expect(save).toBeInViewport()
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await expect(dialog).toBeHidden()
      forms++
    }
    if (tab === 'pools') await shot(page, 'operator-forms-tablet')
  }
  expect(forms).toBeGreaterThanOrEqual(16)
  expect(problems).toEqual([])
})

test('a member sees none of the console’s forms', async ({ page }) => {
  const problems = watchPage(page, (_, status) => status === 403 || status === 404)
  await signIn(page, 'memA', /\/alliances$|\/search$/)
  await page.goto(`${base()}/alliances/Solar/operations/pools`)
  await expect(page.getByRole('heading', { name: '运营控制台：Solar' })).toBeVisible()
  await expect(page.getByRole('tab', { name: '专利池' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '加载中' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '创建专利池' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '贡献专利' })).toHaveCount(0)
  await page.goto(`${base()}/alliances/Solar/operations/members`)
  await expect(page.getByRole('button', { name: '添加成员' })).toHaveCount(0)
  expect(problems.filter((p) => !/status of 40[34]/.test(p))).toEqual([])
})
