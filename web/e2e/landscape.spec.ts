// The landscape screen: an analyst runs a landscape of the search results
// (a progress indicator while it runs, one drawn chart per analysis, the
// readings naming what the API computed) and downloads the XLSX and the HTML
// report; a deep link runs it again, in either language, with members named
// for the comparison, and a wrong query's column is marked; an
// administrator starts from a saved query and fills in an alliance's members.
import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import { apiPost, base, shot, signIn, watchPage } from './helpers'

// The landscape charts holding no drawing yet (their analysis names): a
// chart is drawn when its first canvas shows visible pixels of more than
// one colour (as the HTML report's own test counts).
async function undrawnCharts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const undrawn: string[] = []
    for (const chart of document.querySelectorAll('[data-testid="landscape-chart"]')) {
      const name = chart.closest('[data-analysis]')?.getAttribute('data-analysis') ?? '?'
      const canvas = chart.querySelector('canvas')
      if (!canvas || !canvas.width || !canvas.height) {
        undrawn.push(name)
        continue
      }
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      const colours = new Set<number>()
      for (let i = 0; i < pixels.length && colours.size < 2; i += 4)
        if (pixels[i + 3] > 0) colours.add(((pixels[i] >> 4) << 8) | ((pixels[i + 1] >> 4) << 4) | (pixels[i + 2] >> 4))
      if (colours.size < 2) undrawn.push(name)
    }
    return undrawn
  })
}

// Every analysis of the page has a chart, and each is drawn.
async function expectChartsDrawn(page: Page, count: number) {
  await expect(page.getByTestId('landscape-chart')).toHaveCount(count)
  await expect.poll(() => undrawnCharts(page), { timeout: 30_000 }).toEqual([])
}

// Each scenario runs two or three landscapes and draws 15-16 charts each
// time: three times the usual time limit on a small, shared machine.
test.describe.configure({ timeout: 180_000 })

interface Landscape {
  meta: { patents: number; analyses: Record<string, unknown> }
  top_applicants: { name: string; count: number }[]
}

test('an analyst runs a landscape of the search results, sees it drawn and downloads it', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  const expected = await apiPost<Landscape>(page, '/landscapes', { query: 'PD>=2000' })
  const analyses = Object.keys(expected.meta.analyses).length
  expect(analyses).toBe(15)
  expect(expected.meta.analyses).toHaveProperty('legal_status')
  const top = expected.top_applicants[0]

  // Slow the answer down so the progress indicator can be seen.
  await page.route('**/api/v1/landscapes', async (route) => {
    await new Promise((r) => setTimeout(r, 1500))
    await route.continue()
  })
  await page.getByRole('textbox', { name: '检索式' }).fill('PD>=2000')
  await page.getByRole('button', { name: '检索', exact: true }).click()
  await expect(page.getByText('共 200 条结果')).toBeVisible()
  await page.getByRole('link', { name: '对结果做专利分析' }).click()
  await expect(page).toHaveURL(/\/landscape\?q=PD%3E(=|%3D)2000$/)
  await expect(page.getByTestId('landscape-progress')).toContainText('正在运行分析')
  await expect(page.getByTestId('landscape-summary')).toContainText(`共 ${expected.meta.patents} 件专利，${analyses} 项分析`)
  await expect(page.getByTestId('landscape-progress')).toHaveCount(0)
  await page.unroute('**/api/v1/landscapes')

  await expect(page.getByTestId('landscape-section')).toHaveCount(analyses)
  await expectChartsDrawn(page, analyses)
  await expect(page.getByRole('heading', { name: '2. 主要申请人' })).toBeVisible()
  const applicants = page.locator('[data-analysis="top_applicants"]')
  await expect(applicants.getByTestId('landscape-reading')).toContainText(`最大的申请人是${top.name}，共${top.count}件`)
  await expect(page.getByRole('img', { name: '申请趋势' })).toBeVisible()
  await shot(page, 'landscape')

  const xlsxDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载 XLSX 工作簿' }).click()
  const xlsx = await xlsxDownload
  expect(xlsx.suggestedFilename()).toBe('landscape.xlsx')
  const xlsxBytes = fs.readFileSync((await xlsx.path())!)
  expect(xlsxBytes.subarray(0, 2).toString('latin1')).toBe('PK')
  expect(xlsxBytes.length).toBeGreaterThan(2000)

  const htmlDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载 HTML 报告' }).click()
  const html = fs.readFileSync((await (await htmlDownload).path())!, 'utf8')
  expect(html).toContain('<html')
  expect(html).toContain(top.name)
  expect(problems).toEqual([])
})

test('a landscape link opens on its own, follows the language, adds members and marks a wrong query', async ({ page }) => {
  const problems = watchPage(page, (url, status) => status === 400 && url.includes('/api/v1/landscapes'))
  await signIn(page)
  const expected = await apiPost<Landscape>(page, '/landscapes', { query: 'PD>=2000' })
  const analyses = Object.keys(expected.meta.analyses).length
  const top = expected.top_applicants[0]

  // A deep link runs the landscape (a reload does the same); the charts
  // follow the language.
  await page.goto(`${base()}/landscape?q=${encodeURIComponent('PD>=2000')}`)
  await expect(page.getByRole('textbox', { name: '检索式' })).toHaveValue('PD>=2000')
  await expectChartsDrawn(page, analyses)
  const applicants = page.locator('[data-analysis="top_applicants"]')
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: '2. Top applicants' })).toBeVisible()
  await expect(applicants.getByTestId('landscape-reading')).toContainText(`The largest applicant is ${top.name} with ${top.count} patents`)
  await expect(page.getByRole('button', { name: 'Download XLSX workbook' })).toBeVisible()
  await page.getByText('简体中文', { exact: true }).click()

  // Naming members adds the members-vs-others comparison.
  await page.getByText('联盟成员与其他对比（可选）').click()
  await page.getByRole('textbox', { name: '成员申请人，每行一个' }).fill(top.name)
  await page.getByRole('button', { name: '运行分析' }).click()
  await expect(page).toHaveURL(/member=/)
  await expect(page.getByTestId('landscape-section')).toHaveCount(analyses + 1)
  await expect(page.getByRole('heading', { name: `${analyses + 1}. 联盟成员与其他` })).toBeVisible()
  await expectChartsDrawn(page, analyses + 1)
  await expect(page.locator('[data-analysis="members_vs_others"]').getByTestId('landscape-reading')).toContainText('联盟成员持有')

  // A wrong query: the problem with its column, marked in the query.
  await page.getByRole('textbox', { name: '检索式' }).fill('PD>=(')
  await page.getByRole('button', { name: '运行分析' }).click()
  await expect(page.getByRole('alert')).toContainText('检索式第 5 列有误')
  await expect(page.locator('pre.marked mark')).toHaveText('(')
  await expect(page.getByTestId('landscape-section')).toHaveCount(0)
  expect(problems).toEqual([])
})

test("an administrator starts from a saved query, fills in an alliance's members and is told which are not applicants", async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page, 'root')
  // A saved query (a query watch) starts the landscape.
  await apiPost(page, '/watches', { name: '二〇一〇年后', kind: 'query', rate: 'weekly', query: 'PD>=2010' })
  const after2010 = await apiPost<Landscape>(page, '/landscapes', { query: 'PD>=2010', only: ['trend'] })
  await page.getByRole('link', { name: '专利分析', exact: true }).click()
  await page.locator('.el-select.saved').click()
  await page.getByRole('option', { name: '二〇一〇年后' }).click()
  await expect(page.getByRole('textbox', { name: '检索式' })).toHaveValue('PD>=2010')
  await page.getByRole('button', { name: '运行分析' }).click()
  await expect(page.getByTestId('landscape-summary')).toContainText(`共 ${after2010.meta.patents} 件专利，15 项分析`)
  expect(after2010.meta.patents).toBeLessThan(200)
  await expect(page.getByTestId('landscape-section')).toHaveCount(15)

  // An alliance's members fill the members box and add the comparison.
  await page.getByText('联盟成员与其他对比（可选）').click()
  // The select opens on its visible box (its input is a zero-width combobox).
  await page.locator('.members .el-select').click()
  await page.getByRole('option', { name: 'Alpha' }).click()
  await expect(page.getByRole('textbox', { name: '成员申请人，每行一个' })).toHaveValue('BYD')
  await page.getByRole('button', { name: '运行分析' }).click()
  await expect(page).toHaveURL(/q=PD%3E(=|%3D)2010&member=BYD$/)
  await expect(page.getByTestId('landscape-section')).toHaveCount(16)
  await expect(page.getByText("member 'BYD' is not an applicant in the store")).toBeVisible()
  expect(problems).toEqual([])
})
