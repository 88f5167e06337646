// The screening screen: an analyst pastes a patent's own abstract and finds
// that patent first (with its score and matched terms; the link survives a
// reload), then goes from a patent page to the patents most like it, ranked
// as the API ranks them, and opens the first.
import { expect, test } from '@playwright/test'
import { apiGet, base, shot, signIn, watchPage } from './helpers'

interface Similar {
  hits: { publication_number: string }[]
}

test('an analyst screens a description and a publication number for the closest patents', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  const first = await apiGet<{ hits: { publication_number: string }[] }>(page, '/search?q=PD%3E%3D2000&limit=1&sort=date')
  const pn = first.hits[0].publication_number

  // The patent's own abstract, as its page shows it, finds it first.
  await page.goto(`${base()}/patents/${pn}`)
  const abstract = (await page.locator('p.abstract').textContent())!.trim()
  expect(abstract.length).toBeGreaterThan(40)
  await page.getByRole('link', { name: '相似检索', exact: true }).click()
  await expect(page).toHaveURL(/\/similar$/)
  await page.getByRole('textbox', { name: '产品描述或公开号' }).fill(abstract)
  await page.getByRole('button', { name: '查找相似专利' }).click()
  await expect(page).toHaveURL(/\/similar\?text=/)
  const results = page.getByTestId('similar-results')
  const firstRow = results.locator('tbody tr').first()
  await expect(firstRow.getByRole('link')).toHaveText(pn)
  await expect(firstRow.locator('.el-tag').first()).toBeVisible()
  await expect(page.getByRole('progressbar', { name: `${pn} 的相似度` })).toBeVisible()
  await shot(page, 'similar')
  await page.reload()
  await expect(results.locator('tbody tr').first().getByRole('link')).toHaveText(pn)

  // From the patent page to the patents most like it, as the API ranks them.
  const byNumber = await apiGet<Similar>(page, `/similar?pn=${encodeURIComponent(pn)}&limit=20`)
  expect(byNumber.hits.length).toBeGreaterThan(0)
  await page.goto(`${base()}/patents/${pn}`)
  await page.getByRole('link', { name: '筛查更多相似专利' }).click()
  await expect(page).toHaveURL(new RegExp(`/similar\\?pn=${pn}$`))
  await expect(page.getByText(`与 ${pn} 比较。`)).toBeVisible()
  await expect(results.locator('tbody tr')).toHaveCount(byNumber.hits.length)
  const top = byNumber.hits[0].publication_number
  await expect(results.locator('tbody tr').first().getByRole('link')).toHaveText(top)
  await results.locator('tbody tr').first().getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/patents/${top}$`))
  expect(problems).toEqual([])
})
