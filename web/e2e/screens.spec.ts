// The other screens of the slice for an analyst: ingest (upload, progress
// from the job's event stream, summary, rejected records) and alliances
// (none granted: the empty state; an administrator's view of one: its
// charter checklist, members, pools and fund). Runs after analyst.spec.ts (one worker,
// files in order), since an ingest changes the store.
import { expect, test } from '@playwright/test'
import path from 'node:path'
import { apiGet, base, shot, signIn, watchPage } from './helpers'

function file(name: string): string {
  const dir = process.env.PATNAV_E2E_FILES
  if (!dir) throw new Error('PATNAV_E2E_FILES is unset (global-setup did not run)')
  return path.join(dir, name)
}

test('an analyst ingests a file and sees the summary, then a broken one and its rejection', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  await page.getByRole('link', { name: '数据导入' }).click()
  await expect(page).toHaveURL(/\/ingest$/)

  await page.getByLabel('选择文件').setInputFiles(file('upload.xml'))
  await page.getByRole('button', { name: '上传并导入' }).click()
  await expect(page.getByText('状态：已完成')).toBeVisible()
  await expect(page.getByRole('heading', { name: '导入结果' })).toBeVisible()
  await expect(page.getByText('没有拒收记录')).toBeVisible()
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
  await shot(page, 'ingest')

  await page.getByLabel('选择文件').setInputFiles(file('broken.xml'))
  await page.getByRole('button', { name: '上传并导入' }).click()
  await expect(page.getByText('状态：已完成')).toBeVisible()
  const rejections = page.getByRole('table').last()
  await expect(rejections).toContainText('broken.xml')
  await expect(rejections).toContainText('malformed XML')
  await shot(page, 'ingest-rejected')
  expect(problems).toEqual([])
})

test('an analyst without an alliance sees the alliances screen empty', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  await page.getByRole('link', { name: '产业联盟' }).click()
  await expect(page.getByRole('heading', { name: '产业联盟', level: 1 })).toBeVisible()
  await expect(page.getByText('您没有可访问的联盟')).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByText('You have no alliance to see')).toBeVisible()
  await shot(page, 'alliances-en')
  expect(problems).toEqual([])
})

test('an administrator opens an alliance: charter checklist, members, pools and the fund in minor units', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'root')
  // One charter item recorded; the checklist and its completeness as the API has them.
  const put = await page.request.put(`${base()}/api/v1/alliances/Alpha/charter/1`, {
    data: { text: 'Alpha 电池联盟，北京市海淀区' },
    headers: { 'X-Requested-With': 'patnav' },
  })
  expect(put.ok()).toBe(true)
  const record = await apiGet<{ charter_complete_percent: number; charter: { item: number; present: boolean }[] }>(page, '/alliances/Alpha')
  expect(record.charter).toHaveLength(9)
  expect(record.charter.filter((c) => c.present).map((c) => c.item)).toEqual([1])
  await page.getByRole('link', { name: '产业联盟' }).click()
  await page.getByRole('link', { name: '查看 Alpha' }).click()
  await expect(page).toHaveURL(/\/alliances\/Alpha$/)
  await expect(page.getByRole('heading', { name: 'Alpha', level: 1 })).toBeVisible()
  await expect(page.getByText('社会团体')).toBeVisible()
  await expect(page.getByRole('region', { name: '成员' })).toContainText('BYD')
  await expect(page.getByRole('region', { name: '成员' })).toContainText('企业')
  // All six resource elements in full, the ones without a member marked missing.
  const elements = page.getByTestId('member-elements').locator('tbody tr')
  await expect(elements).toHaveCount(6)
  const names = ['产 企业', '学 高校', '研 科研院所', '金 金融机构', '介 服务机构', '用 应用单位']
  for (const [i, name] of names.entries()) await expect(elements.nth(i)).toContainText(name)
  await expect(elements.nth(0)).not.toContainText('缺失')
  for (let i = 1; i < 6; ++i) await expect(elements.nth(i)).toContainText('缺失')
  await expect(page.getByTestId('members').getByRole('row', { name: /BYD/ })).toContainText('产 企业')
  await expect(page.getByRole('region', { name: '专利池' })).toContainText('LFP')
  await expect(page.getByRole('region', { name: '联盟基金余额' })).toContainText('1,234,567.05 CNY')
  await expect(page.getByRole('heading', { name: `章程要点（完整度 ${record.charter_complete_percent}%）` })).toBeVisible()
  const checklist = page.getByTestId('charter').locator('tbody tr')
  await expect(checklist).toHaveCount(9)
  await expect(checklist.nth(0)).toContainText('联盟名称和住所')
  await expect(checklist.nth(0)).toContainText('已具备')
  await expect(checklist.nth(0)).toContainText('Alpha 电池联盟，北京市海淀区')
  for (let i = 1; i < 9; ++i) await expect(checklist.nth(i)).toContainText('缺失')
  await shot(page, 'alliance')
  await page.reload()
  await expect(page.getByRole('region', { name: '联盟基金余额' })).toContainText('1,234,567.05 CNY')
  expect(problems).toEqual([])
})
