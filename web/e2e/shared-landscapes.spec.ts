// The alliance's shared landscape reports (issue 11): Solar's operator runs a
// landscape and shares it with Solar; a member of Solar finds it in the
// member portal's shared reports tab, opens it (the charts as frozen) and
// downloads the HTML report; a member of another alliance (Alpha) sees
// none of it, neither in its own portal nor through the API; the member has
// no remove button, and the operator removes it from the console's tab.
import { expect, test, type Page } from '@playwright/test'
import { apiGet, base, shot, signIn, watchPage } from './helpers'
import { DEMO_PASSWORD } from './global-setup'

async function switchUser(page: Page, username: string, landing?: RegExp) {
  await page.context().clearCookies()
  await signIn(page, username, landing)
}

test('the operator shares a landscape; a member opens it and downloads the HTML; another alliance does not see it', async ({ page }) => {
  test.setTimeout(120_000)
  const problems = watchPage(page)
  const title = `电池专利态势 ${Date.now()}`

  // A member of Alpha (the administrator's demo alliance), for the tenancy check.
  await signIn(page, 'root')
  const made = await page.request.post(`${base()}/api/v1/users`, {
    data: { username: 'memAlphaShared', password: DEMO_PASSWORD, grants: [{ role: 'member', alliance: 'Alpha', member: 'BYD' }] },
    headers: { 'X-Requested-With': 'patnav' },
  })
  expect([201, 400, 409]).toContain(made.status())

  // Solar's operator runs the landscape and shares it.
  await switchUser(page, 'opS')
  await page.goto(`${base()}/landscape?q=${encodeURIComponent('PD>=2000')}`)
  await expect(page.getByTestId('landscape-summary')).toBeVisible({ timeout: 60_000 })
  await page.getByRole('button', { name: '共享给联盟' }).click()
  const dialog = page.getByRole('dialog', { name: '共享给联盟' })
  await dialog.getByLabel('报告标题').fill(title)
  await dialog.getByRole('button', { name: '共享', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('landscape-shared')).toHaveText(`已将“${title}”共享给Solar`)

  // A member of Solar: the shared reports tab lists it; opening it draws the charts.
  await switchUser(page, 'memA', /\/(search|alliances)/)
  await page.goto(`${base()}/alliances/Solar/member`)
  await page.getByRole('tab', { name: '共享的分析报告' }).click()
  await expect(page).toHaveURL(/tab=shared/)
  const row = page.getByTestId('shared-landscapes').getByRole('row', { name: new RegExp(title) })
  await expect(row).toContainText('opS')
  await expect(row).toContainText('PD>=2000')
  await expect(row.getByRole('button', { name: `删除共享报告“${title}”` })).toHaveCount(0)
  await row.getByRole('button', { name: title }).click()
  const report = page.getByTestId('shared-landscape')
  await expect(report.getByRole('heading', { name: title })).toBeVisible()
  const list = await apiGet<{ title: string; analyses: string[] }[]>(page, '/alliances/Solar/landscapes')
  const frozen = list.find((x) => x.title === title)!
  await expect(report.getByTestId('landscape-section')).toHaveCount(frozen.analyses.length)
  await expect(report.getByTestId('landscape-chart').first()).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('link', { name: '下载 HTML 报告' }).click()])
  expect(download.suggestedFilename()).toMatch(/^shared-landscape-\d+\.html$/)
  const html = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))
  expect(html).toContain('<html')
  expect(html).toContain('申请趋势')
  await shot(page, 'member-shared-landscape')

  // A member of Alpha: its own portal lists nothing of Solar's; Solar's list is a 404.
  await switchUser(page, 'memAlphaShared', /\/(search|alliances)/)
  await page.goto(`${base()}/alliances/Alpha/member?tab=shared`)
  await expect(page.getByTestId('shared-landscapes')).toBeVisible()
  await expect(page.getByText(title)).toHaveCount(0)
  const other = await page.request.get(`${base()}/api/v1/alliances/Solar/landscapes`)
  expect(other.status()).toBe(404)
  await page.goto(`${base()}/alliances/Solar/member?tab=shared`)
  await expect(page.getByRole('alert')).toBeVisible()
  await expect(page.getByText(title)).toHaveCount(0)

  // Solar's operator finds it in the console's shared reports tab and removes it (after confirming).
  await switchUser(page, 'opS')
  await page.goto(`${base()}/alliances/Solar/operations/pools`)
  await page.getByRole('tab', { name: '共享的分析报告' }).click()
  await expect(page).toHaveURL(/\/operations\/shared$/)
  const consoleRow = page.getByTestId('shared-landscapes').getByRole('row', { name: new RegExp(title) })
  await expect(consoleRow).toContainText('opS')
  await consoleRow.getByRole('button', { name: `删除共享报告“${title}”` }).click()
  const confirm = page.getByRole('dialog', { name: '删除共享报告' })
  await expect(confirm).toContainText(title)
  await confirm.getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('shared-landscapes').getByText(title)).toHaveCount(0)
  const after = await apiGet<{ title: string }[]>(page, '/alliances/Solar/landscapes')
  expect(after.map((x) => x.title)).not.toContain(title)
  expect(problems).toEqual([])
})
