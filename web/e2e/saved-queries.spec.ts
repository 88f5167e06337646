// The search workspace's saved queries and exports: an analyst downloads the
// hit set as XLSX and CSV, saves the query under a name, runs another query,
// reruns the saved one from the list (same query, same count) and deletes it.
import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { shot, signIn, watchPage } from './helpers'

test('an analyst exports the hits, saves the query and reruns it', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  const box = page.getByRole('textbox', { name: '检索式' })
  await box.fill('PD>=2016')
  await page.getByRole('button', { name: '检索', exact: true }).click()
  const total = page.getByRole('status').filter({ hasText: /^共 \d+ 条结果$/ })
  await expect(total).toBeVisible()
  const count = await total.textContent()

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 XLSX' }).click()])
  expect(xlsx.suggestedFilename()).toBe('patents.xlsx')
  const bytes = fs.readFileSync((await xlsx.path())!)
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04')
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()])
  expect(csv.suggestedFilename()).toBe('patents.csv')
  const lines = fs.readFileSync((await csv.path())!, 'utf8').trim().split('\n')
  expect(`共 ${lines.length - 1} 条结果`).toBe(count)

  const saved = page.getByRole('region', { name: '已保存的检索式' })
  await saved.getByRole('textbox', { name: '保存为（名称）' }).fill('近年专利')
  await saved.getByRole('button', { name: '保存检索式' }).click()
  const rerun = saved.getByRole('button', { name: '运行已保存的检索式 近年专利' })
  await expect(rerun).toBeVisible()
  await shot(page, 'search-saved')

  await box.fill('PD<2016')
  await page.getByRole('button', { name: '检索', exact: true }).click()
  await expect(page).toHaveURL(/q=PD%3C2016/)
  await expect(total).not.toHaveText(count!)

  await rerun.click()
  await expect(box).toHaveValue('PD>=2016')
  await expect(page).toHaveURL(/q=PD%3E=2016$/)
  await expect(total).toHaveText(count!)

  await saved.getByRole('button', { name: '删除已保存的检索式 近年专利' }).click()
  await expect(rerun).toHaveCount(0)
  await expect(saved.getByText('尚无已保存的检索式。')).toBeVisible()
  expect(problems).toEqual([])
})
