// The IP office's recording review (issue 15): alliance Gamma's operator
// fills the application form and the charter checklist and submits to
// 北京市; the province's reviewer returns it for correction (refused
// first without a comment); the operator sees the comment, corrects and
// resubmits; the reviewer accepts and passes it; the administrator, the
// national office, records it and enters it into the national library,
// which reads in English after the language switch. Then the office's
// records: a complaint overdue for acceptance, a case opened from it on a
// patent, a dishonesty record its subject's user answers. And after
// recording: alliance Delta's operator uploads the charter's scan (a file
// that is no scan refused before it is sent), the reviewer downloads it,
// orders a rectification, the operator files an annual report and reports
// on the rectification, the reviewer closes it, enters Delta into the
// province's library and warns it in the annual review.
import { expect, test, type Page } from '@playwright/test'
import { apiGet, apiPost, base, shot, signIn, watchPage } from './helpers'
import { DEMO_PASSWORD } from './global-setup'

async function switchUser(page: Page, username: string) {
  await page.context().clearCookies()
  await signIn(page, username)
}

async function act(page: Page, action: string, comment = '') {
  await page.getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: action })
  if (comment) await dialog.getByLabel('意见 / 说明').fill(comment)
  await dialog.getByRole('button', { name: `确认${action}` }).click()
  await expect(dialog).toBeHidden()
}

test('a reviewer returns a recording for correction; it is resubmitted and recorded', async ({ page }) => {
  test.setTimeout(180_000)
  // The alliance has no application until the operator starts one: that GET is a 404.
  const problems = watchPage(page, (url, status) => status === 404 && /\/alliances\/Gamma\/recording$/.test(url))
  await signIn(page, 'root')
  await apiPost(page, '/alliances', { name: 'Gamma', form: 'social_organization', address: '北京市海淀区', industry: '储能' })
  await apiPost(page, '/alliances/Gamma/members', { name: '宁德时代', type: 'industry', contact: '张三 0593-1' })
  await apiPost(page, '/alliances/Gamma/members', { name: '厦门大学', type: 'university', contact: '李四 0592-2' })
  for (let item = 2; item <= 9; item++) {
    const r = await page.request.put(`${base()}/api/v1/alliances/Gamma/charter/${item}`, {
      data: { text: `第${item}条` },
      headers: { 'X-Requested-With': 'patnav' },
    })
    expect(r.ok()).toBe(true)
  }
  await apiPost(page, '/users', { username: 'opG', password: DEMO_PASSWORD, grants: [{ role: 'operator', alliance: 'Gamma' }] })

  // The operator: charter item 1, the form, submit.
  await switchUser(page, 'opG')
  await expect(page.getByRole('link', { name: '知识产权局' })).toHaveCount(0)
  await page.goto(`${base()}/alliances/Gamma`)
  await page.getByRole('link', { name: '知识产权联盟备案' }).click()
  await expect(page).toHaveURL(/\/alliances\/Gamma\/recording$/)
  await expect(page.getByText('尚未开始备案申请。')).toBeVisible()
  await page.getByLabel('章程条款内容 1').fill('联盟名称及住所')
  await page.getByRole('button', { name: '保存第1项' }).click()
  await expect(page.getByText('第1项已保存')).toBeVisible()
  await page.getByLabel('提交至（省级知识产权局）').fill('北京市')
  await page.locator('.el-form-item').filter({ hasText: '产业类别' }).locator('.el-select').click()
  await page.getByRole('option', { name: '知识产权密集型' }).click()
  await page.locator('.el-form-item').filter({ hasText: '产业发展阶段' }).locator('.el-select').click()
  await page.getByRole('option', { name: '成长期' }).click()
  await page.getByLabel('所属产业').fill('储能')
  await page.getByLabel('牵头单位', { exact: true }).fill('宁德时代')
  await page.getByLabel('秘书长单位', { exact: true }).fill('厦门大学')
  await page.getByLabel('运营机构', { exact: true }).fill('北京知识产权运营公司')
  await page.getByLabel('联系人', { exact: true }).fill('王五')
  await page.getByLabel('联系电话').fill('010-12345678')
  const flags = page.locator('.flags')
  for (const flag of ['第三方专业运营机构', '牵头单位营业执照已提供', '秘书长单位营业执照已提供', '全体成员已在章程上签字盖章'])
    await flags.getByText(flag).click()
  await page.getByRole('button', { name: '开始备案申请' }).click()
  const state = page.getByTestId('recording-state')
  await expect(state).toHaveText('草稿')
  await expect(page.getByText('全部条件已满足')).toBeVisible()
  await shot(page, 'office-alliance-recording')
  await act(page, '提交备案')
  await expect(state).toHaveText('已提交')

  // The reviewer of 北京市: the queue, the dossier, a return refused without a comment, then returned.
  await switchUser(page, 'rev')
  await page.getByRole('link', { name: '知识产权局' }).click()
  await expect(page).toHaveURL(/\/office$/)
  await page.getByRole('link', { name: 'Gamma' }).click()
  await expect(page).toHaveURL(/\/office\/recordings\/Gamma$/)
  await expect(state).toHaveText('已提交')
  await expect(page.getByRole('heading', { name: '材料清单' })).toBeVisible()
  await expect(page.getByText('联盟章程或合作协议')).toBeVisible()
  await expect(page.getByRole('button', { name: '予以备案' })).toHaveCount(0)
  await page.getByRole('button', { name: '退回补正', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '退回补正' })
  await dialog.getByRole('button', { name: '确认退回补正' }).click()
  await expect(dialog.getByRole('alert')).toContainText('此操作须填写意见或理由')
  await dialog.getByLabel('意见 / 说明').fill('请补充联系人电子邮箱')
  await dialog.getByRole('button', { name: '确认退回补正' }).click()
  await expect(state).toHaveText('待补正')
  await expect(page.getByText('当前没有可由您办理的操作')).toBeVisible()
  await shot(page, 'office-recording-returned')

  // The operator reads the comment, corrects and resubmits.
  await switchUser(page, 'opG')
  await page.goto(`${base()}/alliances/Gamma/recording`)
  await expect(state).toHaveText('待补正')
  await expect(page.getByRole('status')).toContainText('请补充联系人电子邮箱')
  await page.getByLabel('电子邮箱').fill('gamma@example.cn')
  await page.getByRole('button', { name: '保存申请表' }).click()
  await expect(page.getByText('申请表已保存')).toBeVisible()
  await act(page, '补正后重新提交')
  await expect(state).toHaveText('已提交')

  // The reviewer accepts and passes it to the national office.
  await switchUser(page, 'rev')
  await page.goto(`${base()}/office/recordings/Gamma`)
  await act(page, '受理（进入省级审查）')
  await expect(state).toHaveText('省级审查中')
  await act(page, '省级审查通过，报国家局')
  await expect(state).toHaveText('国家局审查中')
  await expect(page.getByText('当前没有可由您办理的操作')).toBeVisible()

  // The national office records it and enters it into the national library.
  await switchUser(page, 'root')
  await page.getByRole('link', { name: '知识产权局' }).click()
  await page.getByRole('link', { name: 'Gamma' }).click()
  await expect(state).toHaveText('国家局审查中')
  await act(page, '予以备案')
  await expect(state).toHaveText('已备案')
  await expect(page.getByText(/IPA-\d{4}-\d+/)).toBeVisible()
  const history = page.locator('.office-history')
  await expect(history.getByRole('row')).toHaveCount(8 + 1)
  await expect(history).toContainText('请补充联系人电子邮箱')
  await page.getByRole('region', { name: '纳入管理库' }).locator('.el-select').click()
  await page.getByRole('option', { name: '国家级' }).click()
  await page.getByRole('button', { name: '纳入管理库', exact: true }).click()
  await expect(page.getByText('已纳入国家级管理库')).toBeVisible()
  await shot(page, 'office-recording-recorded')

  await page.getByRole('link', { name: '返回列表' }).click()
  await page.getByRole('link', { name: '管理库', exact: true }).click()
  await expect(page.getByRole('row', { name: /Gamma/ })).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Management library of important industrial IP alliances' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Recording review' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'IP office' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Gamma/ })).toContainText('A business entity, or run by a third-party operator')
  // The browser logs that expected 404 too; any other 404 is caught above by its URL.
  expect(problems.filter((p) => !/^console: .*status of 404/.test(p))).toEqual([])
})

test("an operator uploads a material's file; after recording the office orders a rectification, the operator reports, the office closes it", async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page, 'root')
  await apiPost(page, '/alliances', { name: 'Delta', form: 'social_organization', address: '北京市朝阳区', industry: '氢能' })
  await apiPost(page, '/alliances/Delta/members', { name: '德尔塔氢能科技', type: 'industry', contact: '赵六 010-1' })
  await apiPost(page, '/alliances/Delta/members', { name: '德尔塔氢能研究院', type: 'research', contact: '钱七 010-2' })
  for (let item = 1; item <= 9; item++) {
    const r = await page.request.put(`${base()}/api/v1/alliances/Delta/charter/${item}`, {
      data: { text: `第${item}条` },
      headers: { 'X-Requested-With': 'patnav' },
    })
    expect(r.ok()).toBe(true)
  }
  await apiPost(page, '/users', { username: 'opD', password: DEMO_PASSWORD, grants: [{ role: 'operator', alliance: 'Delta' }] })

  // The operator starts the application, uploads the charter's scan, refuses a file that is no scan.
  await switchUser(page, 'opD')
  await apiPost(page, '/alliances/Delta/recording', {
    province: '北京市', industry: '氢能', industry_category: 'ip_intensive', industry_stage: 'growing', lead_unit: '德尔塔氢能科技',
    secretary_general_unit: '德尔塔氢能研究院', operator: '北京氢能运营公司', third_party_operator: true, contact_person: '孙八',
    contact_phone: '010-87654321', contact_email: 'delta@example.cn', lead_licence: true, secretary_licence: true, charter_signed: true,
  })
  await page.goto(`${base()}/alliances/Delta/recording`)
  await expect(page.getByTestId('recording-state')).toHaveText('草稿')
  const charterPanel = page.locator('.el-collapse-item__header', { hasText: '联盟章程或合作协议' })
  await charterPanel.click()
  const charterFiles = page.getByTestId('files-charter')
  await expect(charterFiles).toContainText('尚未上传文件。')
  await page.getByTestId('upload-charter').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\x03\x04 not a pdf') })
  await expect(page.getByRole('alert').filter({ hasText: 'notes.pdf 不是 PDF、PNG 或 JPEG 文件。' })).toBeVisible()
  await page.getByTestId('upload-charter').setInputFiles({ name: '章程.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
  await expect(charterFiles.getByRole('row', { name: /章程\.pdf/ })).toBeVisible()
  await expect(charterFiles).toContainText('1 个文件')
  await shot(page, 'office-recording-files')
  await apiPost(page, '/alliances/Delta/recording/submit', {})

  // The reviewer accepts and passes it; the national office records it.
  await switchUser(page, 'rev')
  await apiPost(page, '/alliances/Delta/recording/accept', {})
  await apiPost(page, '/alliances/Delta/recording/recommend', {})
  await switchUser(page, 'root')
  await apiPost(page, '/alliances/Delta/recording/record', {})

  // The province's reviewer sees the file (to download, not to remove) and orders a rectification.
  await switchUser(page, 'rev')
  await page.goto(`${base()}/office/recordings/Delta`)
  await expect(page.getByTestId('recording-state')).toHaveText('已备案')
  await charterPanel.click()
  await expect(charterFiles.getByRole('row', { name: /章程\.pdf/ })).toBeVisible()
  await expect(charterFiles.getByRole('button', { name: '下载' })).toBeVisible()
  await expect(charterFiles.getByRole('button', { name: '删除' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: '备案后：报告与整改' })).toBeVisible()
  await page.getByTestId('rectify-order').click()
  await expect(page.getByRole('alert').filter({ hasText: '请填写：原因、整改情况或决定' })).toBeVisible()
  await page.getByLabel('原因、整改情况或决定').fill('成员名单未及时更新')
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  await page.getByLabel('整改期限（YYYY-MM-DD，今天以后）').fill(due)
  await page.getByTestId('rectify-order').click()
  const rectifications = page.getByTestId('rectifications')
  await expect(rectifications.getByRole('row', { name: /成员名单未及时更新/ })).toContainText('已要求整改')
  await expect(page.getByTestId('rectify-order')).toHaveCount(0)

  // The operator files this year's annual report and reports on the rectification.
  await switchUser(page, 'opD')
  await page.goto(`${base()}/alliances/Delta/recording`)
  await charterPanel.click()
  await expect(charterFiles.getByRole('row', { name: /章程\.pdf/ })).toBeVisible()
  await expect(charterFiles.getByRole('button', { name: '删除' })).toHaveCount(0)
  const year = new Date().getUTCFullYear()
  await page.locator('#annual-year').fill(String(year))
  await page.locator('#annual-summary').fill('本年度新增成员两家')
  await page.getByRole('button', { name: '报送年度报告' }).click()
  await expect(page.getByTestId('filed-reports')).toContainText(`${year} 年度报告`)
  await page.getByLabel('原因、整改情况或决定').fill('已更新成员名单并报送')
  await page.getByTestId('rectify-report').click()
  await expect(rectifications.getByRole('row', { name: /成员名单未及时更新/ })).toContainText('已报告整改')
  await shot(page, 'office-recording-aftercare')

  // The reviewer closes it.
  await switchUser(page, 'rev')
  await page.goto(`${base()}/office/recordings/Delta`)
  await page.getByLabel('原因、整改情况或决定').fill('整改到位')
  await page.getByTestId('rectify-close').click()
  await expect(rectifications.getByRole('row', { name: /成员名单未及时更新/ })).toContainText('已结束')
  await expect(page.getByTestId('rectify-order')).toBeVisible()

  // The province's library: Delta entered, then warned in its annual review (a warning says why).
  await apiPost(page, '/alliances/Delta/library', { level: '北京市' })
  await page.goto(`${base()}/office/library`)
  await page.locator('section[aria-labelledby="h-library"] .filters .el-select').click()
  await page.getByRole('option', { name: '北京市' }).click()
  await page.getByRole('button', { name: '显示' }).click()
  await page.getByRole('button', { name: '年度评议 Delta' }).click()
  await page.getByText('警示', { exact: true }).click()
  await page.getByRole('button', { name: '记录评议结果' }).click()
  await expect(page.getByRole('alert').filter({ hasText: '请填写：理由（警示或移出时必填）' })).toBeVisible()
  await page.getByLabel('理由').fill('年度报告质量不高')
  await page.getByRole('button', { name: '记录评议结果' }).click()
  await expect(page.getByTestId('library-reviews').getByRole('row', { name: /Delta/ })).toContainText('警示')
})

interface Tables {
  categories: { code: string; name_zh: string }[]
  measures: { code: string; name_zh: string }[]
  case_kinds: { code: string; name_zh: string }[]
}

test('an office records a complaint, opens a case on a patent and a dishonesty record its subject answers', async ({ page }) => {
  test.setTimeout(180_000)
  const problems = watchPage(page, (url, status) => status === 409 && /\/credit-records\/\d+\/request_repair$/.test(url))
  await signIn(page, 'rev')
  const tables = await apiGet<Tables>(page, '/credit-records/tables')
  const found = await apiGet<{ hits: { publication_number: string }[] }>(page, `/search?q=${encodeURIComponent('PD>=1900')}&limit=1`)
  const pn = found.hits[0].publication_number

  // A complaint received long ago: overdue for the acceptance decision, highlighted in the list.
  await page.getByRole('link', { name: '知识产权局' }).click()
  await page.getByRole('link', { name: '投诉', exact: true }).click()
  await page.getByRole('button', { name: '登记投诉' }).click()
  const form = page.getByRole('dialog', { name: '登记投诉' })
  await expect(form.getByLabel('省份')).toHaveValue('北京市')
  await form.getByLabel('投诉人', { exact: true }).fill('甲公司')
  await form.getByLabel('被投诉人', { exact: true }).fill('乙公司')
  await form.getByLabel('涉及专利（公开号）').fill(pn)
  await form.getByLabel('投诉内容').fill('乙公司产品涉嫌侵犯专利权')
  const received = form.locator('.el-form-item').filter({ hasText: '接收日期' }).locator('input')
  await received.fill('2026-01-05')
  await received.press('Enter')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page).toHaveURL(/\/office\/complaints\/\d+$/)
  await expect(page.getByTestId('complaint-state')).toHaveText('已接收')
  await expect(page.getByText(/逾期 \d+ 个工作日/)).toBeVisible()
  await page.getByRole('link', { name: '返回列表' }).click()
  const row = page.getByRole('row', { name: /甲公司/ })
  await expect(row).toHaveClass(/row-overdue/)
  await expect(row).toContainText('决定是否受理')
  await shot(page, 'office-complaints')
  await row.getByRole('link').click()
  await act(page, '受理')
  await expect(page.getByTestId('complaint-state')).toHaveText('已受理')

  // A case from the complaint, on its patent.
  await page.getByRole('button', { name: '立案', exact: true }).click()
  const open = page.getByRole('dialog', { name: '由此投诉立案' })
  await open.getByLabel('案号').fill('京知执字〔2026〕1号')
  await open.locator('.el-form-item').filter({ hasText: '案件类型' }).locator('.el-select').click()
  await page.getByRole('option', { name: tables.case_kinds[0].name_zh }).click()
  await expect(open.getByLabel('涉案专利')).toHaveValue(pn)
  await open.getByRole('button', { name: '立案' }).click()
  await expect(page).toHaveURL(/\/office\/cases\/\d+$/)
  await expect(page.getByTestId('case-state')).toHaveText('办理中')
  await expect(page.getByRole('link', { name: pn })).toBeVisible()
  const caseUrl = page.url()

  // A dishonesty record of a member's organisation, notified.
  await page.goto(`${base()}/office/credit`)
  await page.getByRole('button', { name: '新建失信记录' }).click()
  const record = page.getByRole('dialog', { name: '新建失信记录' })
  await record.getByLabel('当事人名称').fill('Acme 公司')
  await record.getByLabel('统一社会信用代码').fill('91110000000000001X')
  await record.getByLabel('联盟成员（可选，其用户可查看）').fill('Acme')
  await record.locator('.el-form-item').filter({ hasText: '失信类别' }).locator('.el-select').click()
  await page.getByRole('option', { name: tables.categories[0].name_zh }).click()
  await record.locator('.el-form-item').filter({ hasText: '惩戒措施' }).locator('.el-select').click()
  await page.getByRole('option', { name: tables.measures[0].name_zh }).click()
  await record.getByLabel('决定机关').fill('北京市知识产权局')
  await record.getByLabel('决定文书号').fill('京知信〔2026〕7号')
  await record.getByRole('button', { name: '保存' }).click()
  await expect(page).toHaveURL(/\/office\/credit-records\/\d+$/)
  const recordId = /(\d+)$/.exec(page.url())![1]
  await expect(page.getByTestId('credit-state')).toHaveText('已决定')
  await act(page, '告知当事人')
  await expect(page.getByTestId('credit-state')).toHaveText('已告知')

  // The case links the record and is decided.
  await page.goto(caseUrl)
  await page.getByLabel('失信记录编号').fill(recordId)
  await page.getByRole('button', { name: '关联', exact: true }).click()
  await expect(page.getByRole('region', { name: '关联失信记录' }).getByRole('link', { name: `#${recordId}` })).toBeVisible()
  await expect(page.getByRole('link', { name: /^投诉 #\d+$/ })).toBeVisible()
  await act(page, '作出决定', '责令停止侵权')
  await expect(page.getByTestId('case-state')).toHaveText('已决定')
  await shot(page, 'office-case')

  // The subject's user sees its record and files a statement.
  await switchUser(page, 'memA')
  await page.getByRole('link', { name: '信用记录' }).click()
  await expect(page).toHaveURL(/\/credit-records$/)
  await page.getByRole('link', { name: '京知信〔2026〕7号' }).click()
  await expect(page.getByTestId('credit-state')).toHaveText('已告知')
  await act(page, '提交陈述申辩', '已整改完毕')
  await expect(page.getByTestId('credit-state')).toHaveText('已陈述申辩')
  await expect(page.getByText('当前没有可由您办理的操作')).toBeVisible()

  // Listed by the office; a repair asked for at once is refused with the first date it may be.
  await switchUser(page, 'rev')
  await page.goto(`${base()}/office/credit-records/${recordId}`)
  await act(page, '列入名单')
  await expect(page.getByTestId('credit-state')).toHaveText('已列入')
  await switchUser(page, 'memA')
  await page.goto(`${base()}/credit-records/${recordId}`)
  await page.getByRole('button', { name: '申请信用修复', exact: true }).click()
  const repair = page.getByRole('dialog', { name: '申请信用修复' })
  await repair.getByLabel('意见 / 说明').fill('已履行全部义务')
  await repair.getByRole('button', { name: '确认申请信用修复' }).click()
  await expect(repair.getByRole('alert')).toContainText('may be requested from')
  await expect(page.getByTestId('credit-state')).toHaveText('已列入')
  await shot(page, 'credit-repair-refused')
  expect(problems.filter((p) => !/^console: .*status of 409/.test(p))).toEqual([])
})
