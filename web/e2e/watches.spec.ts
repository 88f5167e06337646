// Monitoring: an analyst saves a watch after previewing it, a later ingest
// raises one alert listing exactly the new matching patents, the unread badge
// counts it, an alert's patent opens, and marking it read clears the badge.
// Runs after the other files (one worker, files in order).
import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { shot, signIn, watchPage } from './helpers'

function file(name: string): string {
  const dir = process.env.PATNAV_E2E_FILES
  if (!dir) throw new Error('PATNAV_E2E_FILES is unset (global-setup did not run)')
  return path.join(dir, name)
}

// The publication numbers of a generated USPTO file, read independently of
// patnav: the first publication reference of each grant (its own number).
function grantsIn(xml: string): string[] {
  const out: string[] = []
  for (const grant of xml.split('<us-patent-grant').slice(1)) {
    const m = /<publication-reference>[\s\S]*?<doc-number>(\d+)<\/doc-number>\s*<kind>(\w+)<\/kind>/.exec(grant)
    if (m) out.push(`US${m[1].replace(/^0+/, '')}${m[2]}`)
  }
  return out
}

test('an analyst watches a query and gets one alert for the next ingest', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  await page.getByRole('link', { name: '监控预警' }).click()
  await expect(page).toHaveURL(/\/watches$/)
  await expect(page.getByText('暂无预警')).toBeVisible()

  await page.getByRole('button', { name: '新建监控' }).click()
  const dialog = page.getByRole('dialog', { name: '新建监控' })
  await dialog.getByLabel('名称').fill('美国授权')
  await dialog.getByRole('textbox', { name: '检索式' }).fill('CC=US')
  await dialog.getByRole('button', { name: '预览' }).click()
  await expect(dialog.getByTestId('watch-preview')).toContainText('上限 1,000')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('region', { name: '监控项' })).toContainText('CC=US')

  // A later file: every grant in it is new to the store and matches CC=US.
  const expected = grantsIn(fs.readFileSync(file('later.xml'), 'utf8'))
  expect(expected.length).toBe(8)
  await page.getByRole('link', { name: '数据导入' }).click()
  await page.getByLabel('选择文件').setInputFiles(file('later.xml'))
  await page.getByRole('button', { name: '上传并导入' }).click()
  await expect(page.getByText('状态：已完成')).toBeVisible()

  await page.getByRole('link', { name: /监控预警/ }).click()
  await expect(page.getByLabel('1 条未读预警')).toBeVisible()
  const alert = page.getByRole('region', { name: '预警消息' }).getByLabel('美国授权')
  await expect(alert).toContainText(`新增 ${expected.length} 件`)
  for (const pn of expected) await expect(alert.getByRole('link', { name: pn })).toBeVisible()
  await shot(page, 'watches')

  await alert.getByRole('button', { name: '标为已读' }).click()
  await expect(page.getByLabel('1 条未读预警')).toHaveCount(0)
  await alert.getByRole('link', { name: expected[0] }).click()
  await expect(page).toHaveURL(new RegExp(`/patents/${expected[0]}$`))
  expect(problems).toEqual([])
})
