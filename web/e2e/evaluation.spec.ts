// An evaluation round in the office's web screens (issue 15): the
// administrator (the national office) stores the shipped indicator system
// for cities with IP advantages, opens a round for 浙江省 in the browser,
// adds three cities, enters their figures, moves the round through
// self-assessment and provincial review to the experts, verifies every
// figure, scores, publishes and reads the ranking (compared with the API's)
// and its sensitivity to the weighting method,
// a city's scorecard with its explanation and radar, applies an outcome and
// downloads the ranking workbook; the tab reads in English too. And a
// subject's own round page: a member's user finds the round among its own,
// sees its own city only, imports its figures from a CSV file (a file of
// another kind refused), submits them, and the office verifies every
// figure of the round in one step. And a system version stored from the
// office's screen, refused first for weights that do not sum to 1.
import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { apiGet, apiPost, base, shot, signIn, watchPage } from './helpers'
import { DEMO_PASSWORD } from './global-setup'

interface Results {
  ranking: { rank: number; subject: string; name: string; total: number; vetoed: boolean; proposed_outcome: string }[]
  outcomes: { subject: string; rule: string; reason: string }[]
}

async function act(page: Page, action: string) {
  await page.getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: action })
  await dialog.getByRole('button', { name: `确认${action}` }).click()
  await expect(dialog).toBeHidden()
}

// Figures of the 16 measures: a bigger city scores more; 温州 has a serious
// violation (the veto).
function figures(scale: number, violations: number): Record<string, number> {
  return {
    ip_staff: 10 * scale,
    policy_documents: 2 * scale,
    navigation_projects: 3 * scale,
    case_days: 90 - 10 * scale,
    cases_closed: 100 * scale,
    pledge_financing: 5 * scale,
    licences_transfers: 400 * scale,
    hv_invention_patents: 5000 * scale,
    population: 8_000_000,
    pct_filings: 300 * scale,
    gbt29490_enterprises: 20 * scale,
    service_agencies: 50 * scale,
    training_persons: 2000 * scale,
    expert_environment_score: 60 + 10 * scale,
    serious_violations: violations,
    national_awards: scale,
  }
}

const CITIES: [string, string, Record<string, number>][] = [
  ['C01', '杭州', figures(3, 0)],
  ['C02', '宁波', figures(2, 0)],
  ['C03', '温州', figures(1, 1)],
]

test('the office opens a round, enters figures, scores, publishes and reads the ranking', async ({ page }) => {
  test.setTimeout(240_000)
  const problems = watchPage(page)
  await signIn(page, 'root')
  const system = JSON.parse(fs.readFileSync(path.resolve('../data/indicators/cities-ip-advantage.json'), 'utf8'))
  await apiPost(page, '/indicator-systems', { system, origin: 'data/indicators/cities-ip-advantage.json' })

  // The evaluation tab: open a round on the stored system.
  await page.getByRole('link', { name: '知识产权局' }).click()
  await page.getByRole('link', { name: '考核评价' }).click()
  await expect(page).toHaveURL(/\/office\/evaluation$/)
  await page.getByRole('button', { name: '开启考核' }).click()
  const open = page.getByRole('dialog', { name: '开启考核' })
  await open.locator('.el-form-item').filter({ hasText: '指标体系' }).locator('.el-select').click()
  await page.getByRole('option', { name: /cities-ip-advantage 2016\.1/ }).click()
  await open.getByLabel('名称', { exact: true }).fill('2024 年度知识产权强市考核')
  await open.getByLabel('省份').fill('浙江省')
  await open.getByLabel('考核期').fill('2024')
  await open.getByRole('button', { name: '开启考核' }).click()
  await expect(page).toHaveURL(/\/office\/rounds\/\d+$/)
  const id = /\/office\/rounds\/(\d+)$/.exec(page.url())?.[1]
  const state = page.getByTestId('round-state')
  await expect(state).toHaveText('数据征集')
  await expect(page.getByText('城市', { exact: true })).toBeVisible()

  // Subjects, then their figures in self-assessment.
  await page.getByLabel('每行一个对象：代码与名称（如 C01 杭州）').fill(CITIES.map(([c, n]) => `${c} ${n}`).join('\n'))
  await page.getByRole('button', { name: '添加考核对象' }).click()
  for (const [code] of CITIES) await expect(page.getByTestId(`count-${code}-entered`)).toHaveText('0')
  await act(page, '开始自评')
  await expect(state).toHaveText('自评')
  for (const [code, name, values] of CITIES) {
    await page.getByRole('button', { name: `填报数据 ${name}` }).click()
    const dialog = page.getByRole('dialog', { name: `${name} 2024 数据` })
    for (const [measure, value] of Object.entries(values)) await dialog.locator(`#figure-${measure}`).fill(String(value))
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId(`count-${code}-entered`)).toHaveText('16')
  }
  await shot(page, 'evaluation-figures-entered')

  // Through provincial review to the experts; the office verifies every figure.
  await act(page, '结束自评')
  await expect(state).toHaveText('省级审核')
  await act(page, '提交专家评审')
  await expect(state).toHaveText('专家评审')
  for (const [code, name] of CITIES) {
    await page.getByRole('button', { name: `核验 ${name}` }).click()
    await expect(page.getByTestId(`count-${code}-verified`)).toHaveText('16')
    await expect(page.getByTestId(`count-${code}-entered`)).toHaveText('0')
  }

  // Score, publish, the ranking as the API has it.
  await page.getByRole('button', { name: '评分', exact: true }).click()
  const ranking = page.getByTestId('round-ranking')
  await expect(ranking).toBeVisible()
  await act(page, '公示')
  await expect(state).toHaveText('公示')
  const results = await apiGet<Results>(page, `/rounds/${id}/results`)
  expect(results.ranking.map((r) => r.subject)).toEqual(['C01', 'C02', 'C03'])
  expect(results.ranking[2].vetoed).toBe(true)
  const rows = ranking.locator('.el-table__body tr')
  await expect(rows).toHaveCount(3)
  for (const [i, r] of results.ranking.entries()) {
    await expect(rows.nth(i)).toContainText(`${r.name} (${r.subject})`)
    await expect(rows.nth(i)).toContainText(r.total.toFixed(2))
  }
  await expect(rows.nth(2)).toContainText('一票否决，撤销资格，两年内不得申报')
  await expect(rows.nth(2)).toContainText('是')
  // The ranking's sensitivity to the weighting method.
  const methods = page.getByTestId('round-sensitivity-methods')
  await expect(methods).toContainText('固定权重')
  await expect(methods).toContainText('熵权法')
  await expect(page.getByTestId('round-sensitivity-subjects').locator('.el-table__body tr')).toHaveCount(3)

  // A scorecard: its explanation lines and the radar of its node scores.
  await page.getByRole('button', { name: '评分卡 杭州' }).click()
  await expect(page.getByRole('heading', { name: '杭州 的评分卡' })).toBeVisible()
  await expect(page.getByTestId('scorecard-total')).toHaveText(results.ranking[0].total.toFixed(2))
  await expect(page.getByTestId('scorecard-explanation').locator('li').first()).toBeVisible()
  await expect(page.getByRole('img', { name: '杭州 各项得分' }).locator('canvas')).toBeVisible()
  await shot(page, 'evaluation-scorecard')

  // An outcome with a reason; the workbook.
  await page.getByRole('button', { name: '确定结果 温州' }).click()
  const outcome = page.getByRole('dialog', { name: '确定结果' })
  await outcome.getByRole('button', { name: '确认确定结果' }).click()
  await expect(outcome.getByRole('alert')).toContainText('请选择规则并说明理由')
  await outcome.getByLabel('理由').fill('存在重大知识产权违法失信事件')
  await outcome.getByRole('button', { name: '确认确定结果' }).click()
  await expect(outcome).toBeHidden()
  await expect(rows.nth(2).locator('td').nth(5)).toHaveText('一票否决，撤销资格，两年内不得申报')
  const after = await apiGet<Results>(page, `/rounds/${id}/results`)
  expect(after.outcomes).toEqual([expect.objectContaining({ subject: 'C03', rule: 'withdraw_vetoed', reason: '存在重大知识产权违法失信事件' })])
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载 ranking.xlsx' }).click()
  expect((await download).suggestedFilename()).toBe('ranking.xlsx')

  // The list finds it by state; the tab reads in English.
  await page.getByRole('link', { name: '返回列表' }).click()
  await expect(page).toHaveURL(/\/office\/evaluation$/)
  const listed = page.getByRole('link', { name: '2024 年度知识产权强市考核' })
  await expect(listed).toBeVisible()
  await page.locator('.filters .el-select').click()
  await page.getByRole('option', { name: '定稿' }).click()
  await expect(listed).toHaveCount(0)
  await page.locator('.filters .el-select').click()
  await page.getByRole('option', { name: '公示' }).click()
  await expect(listed).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Evaluation rounds' })).toBeVisible()
  await expect(page.getByRole('row', { name: /2024 年度知识产权强市考核/ })).toContainText('Publicity')
  expect(problems).toEqual([])
})

test("a subject's user imports and submits its figures; the office verifies every figure in one step", async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page, 'root')
  const system = JSON.parse(fs.readFileSync(path.resolve('../data/indicators/cities-ip-advantage.json'), 'utf8'))
  await apiPost(page, '/indicator-systems', { system, origin: 'data/indicators/cities-ip-advantage.json' })
  await apiPost(page, '/alliances', { name: 'Zeta', form: 'social_organization', address: '浙江省舟山市', industry: '港航' })
  await apiPost(page, '/alliances/Zeta/members', { name: '舟山港集团', type: 'industry', contact: '周九 0580-1' })
  await apiPost(page, '/users', { username: 'memZ', password: DEMO_PASSWORD, grants: [{ role: 'member', alliance: 'Zeta', member: '舟山港集团' }] })
  const round = await apiPost<{ id: number }>(page, '/rounds', {
    system_code: 'cities-ip-advantage', system_version: '2016.1', name: '2025 年度自报考核', province: '浙江省', period: '2025', subject_kind: 'city',
  })
  await apiPost(page, `/rounds/${round.id}/subjects`, { subjects: [{ code: 'Z01', name: '舟山', member: '舟山港集团' }, { code: 'Z02', name: '丽水' }] })
  await apiPost(page, `/rounds/${round.id}/observations`, {
    observations: Object.entries(figures(1, 0)).map(([measure, value]) => ({ subject: 'Z02', measure, period: '2025', value })),
  })

  // The member's user: its rounds, its own city only, a CSV imported, submitted.
  await page.context().clearCookies()
  await signIn(page, 'memZ')
  await page.goto(`${base()}/rounds`)
  await page.getByTestId('my-rounds').getByRole('link', { name: '2025 年度自报考核' }).click()
  await expect(page).toHaveURL(new RegExp(`/rounds/${round.id}$`))
  await expect(page.getByTestId('round-state')).toHaveText('数据征集')
  await expect(page.getByTestId('count-Z01-entered')).toHaveText('0')
  await expect(page.getByTestId('count-Z02-entered')).toHaveCount(0)
  await page.getByTestId('import-observations').setInputFiles({ name: 'figures.txt', mimeType: 'text/plain', buffer: Buffer.from('x') })
  await expect(page.getByText('figures.txt 不是 CSV、XLSX 或 JSON 文件')).toBeVisible()
  const csv = ['subject,measure,period,value,source', ...Object.entries(figures(2, 0)).map(([m, v]) => `Z01,${m},2025,${v},自报`)].join('\n')
  await page.getByTestId('import-observations').setInputFiles({ name: '舟山 2025.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(page.getByTestId('count-Z01-entered')).toHaveText('16')
  await page.getByRole('button', { name: '提交 舟山' }).click()
  await expect(page.getByTestId('count-Z01-submitted')).toHaveText('16')
  await expect(page.getByTestId('verify-all')).toHaveCount(0)
  await shot(page, 'evaluation-subject-submitted')

  // The office verifies every figure of the round at once.
  await page.context().clearCookies()
  await signIn(page, 'root')
  await page.goto(`${base()}/office/rounds/${round.id}`)
  await page.getByTestId('verify-all').click()
  await expect(page.getByTestId('count-Z01-verified')).toHaveText('16')
  await expect(page.getByTestId('count-Z02-verified')).toHaveText('16')
  await expect(page.getByTestId('count-Z01-submitted')).toHaveText('0')
})

test('the office stores a new indicator-system version from its screen; a bad one is refused naming the reason', async ({ page }) => {
  test.setTimeout(120_000)
  const problems = watchPage(page, (url, status) => status === 400 && /\/indicator-systems$/.test(url))
  await signIn(page, 'root')
  await page.goto(`${base()}/office/evaluation`)
  const system = {
    code: 'e2e-web', version: '1', name_zh: '网页保存的体系', source: 'constructed', weights_note: 'equal',
    measures: [{ code: 'a' }, { code: 'b' }],
    nodes: [
      { code: 'A', name_zh: '甲', weight: 0.5, formula: 'a' },
      { code: 'B', name_zh: '乙', weight: 0.4, formula: 'b' },
    ],
  }
  const textbox = page.getByRole('textbox', { name: '指标体系文件内容（JSON）' })
  await textbox.fill('{"code": ')
  await page.getByRole('button', { name: '校验并保存指标体系' }).click()
  await expect(page.getByRole('alert').filter({ hasText: '内容不是 JSON。' })).toBeVisible()
  await textbox.fill(JSON.stringify(system, null, 2))
  await page.getByRole('button', { name: '校验并保存指标体系' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'sum to 0.9' })).toBeVisible()
  await expect(page.getByTestId('stored-systems')).not.toContainText('e2e-web')
  system.nodes[1].weight = 0.5
  await textbox.fill(JSON.stringify(system, null, 2))
  await page.getByRole('button', { name: '校验并保存指标体系' }).click()
  await expect(page.getByText('已保存 e2e-web 版本 1')).toBeVisible()
  await expect(page.getByTestId('stored-systems').getByRole('row', { name: /e2e-web/ })).toContainText('网页保存的体系')
  await page.getByRole('button', { name: '校验并保存指标体系' }).click()
  await expect(page.getByText('e2e-web 版本 1 已以相同内容保存')).toBeVisible()
  expect(problems.filter((p) => !/^console: .*status of 400/.test(p))).toEqual([])
})
