// Issue 11's last operator forms: Solar's operator creates a licensing
// programme with rates by country (a pair that is no country code with a
// rate is refused before sending) and sees them in the programme list and
// the API; and edits a charter item's text on the alliance page, which the
// checklist then shows as present. A member of Solar gets no edit button.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { apiGet, base, signIn, watchPage } from './helpers'

interface AllianceRecord {
  charter: { item: number; present: boolean; text: string }[]
}

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.locator('.el-form-item').filter({ has: page.getByText(label, { exact: true }) }).locator('.el-select').click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('the operator sets rates by country on a new programme', async ({ page }) => {
  const problems = watchPage(page)
  const name = `PV-CR-${Date.now() % 1_000_000}`
  const posts: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/alliances/Solar/programmes')) posts.push(r.postData() ?? '')
  })
  await signIn(page, 'opS')
  await page.goto(`${base()}/alliances/Solar/operations/licensing`)
  await page.getByRole('button', { name: '创建许可计划', exact: true }).click()
  const form = page.getByRole('dialog', { name: '创建许可计划' }).and(page.locator('.el-overlay-dialog'))
  await choose(page, form, '专利池', 'PV')
  await form.getByLabel('许可计划名称').fill(name)
  await form.getByLabel('费率（每件金额或净销售额百分比）').fill('1.00')
  await form.getByLabel('分国家费率').fill('cn=0.80, China=2')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('.el-form-item').filter({ hasText: '分国家费率' })).toContainText('“China=2”不是国家代码加费率')
  expect(posts).toEqual([])
  await form.getByLabel('分国家费率').fill('cn=0.80; US 1.20')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form).toBeHidden()
  expect(JSON.parse(posts[0]).country_rates).toEqual({ CN: '0.80', US: '1.20' })

  const list = await apiGet<{ name: string; country_rates: Record<string, string> }[]>(page, '/alliances/Solar/programmes')
  const made = list.find((p) => p.name === name)!
  expect(Object.keys(made.country_rates).sort()).toEqual(['CN', 'US'])
  const row = page.getByRole('region', { name: '许可', exact: true }).getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText(`CN ${made.country_rates.CN} · US ${made.country_rates.US}`)
  expect(problems).toEqual([])
})

test('the operator edits a charter item; a member cannot', async ({ page }) => {
  const problems = watchPage(page)
  const text = `成员大会每年召开一次（${Date.now()}）`
  await signIn(page, 'opS')
  await page.goto(`${base()}/alliances/Solar`)
  const charter = page.getByTestId('charter')
  await charter.getByRole('button', { name: /^编辑章程第 3 项：/ }).click()
  const dialog = page.getByRole('dialog', { name: '章程第 3 项' })
  await dialog.getByRole('textbox').fill(text)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  const row = charter.locator('tbody tr').nth(2)
  await expect(row).toContainText(text)
  await expect(row).toContainText('已具备')
  const saved = await apiGet<AllianceRecord>(page, '/alliances/Solar')
  expect(saved.charter.find((c) => c.item === 3)).toMatchObject({ present: true, text })

  await page.context().clearCookies()
  await signIn(page, 'memA', /\/(search|alliances)/)
  await page.goto(`${base()}/alliances/Solar`)
  await expect(page.getByTestId('charter')).toContainText(text)
  await expect(page.getByTestId('charter').getByRole('button', { name: /编辑章程/ })).toHaveCount(0)
  expect(problems).toEqual([])
})
