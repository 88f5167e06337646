// The IP office's recording review (issue 15): alliance Gamma's operator
// fills the application form and the charter checklist and submits to
// 北京市; the province's reviewer returns it for correction (refused
// first without a comment); the operator sees the comment, corrects and
// resubmits; the reviewer accepts and passes it; the administrator, the
// national office, records it and enters it into the national library.
import { expect, test, type Page } from '@playwright/test'
import { apiPost, base, shot, signIn, watchPage } from './helpers'
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
  // The browser logs that expected 404 too; any other 404 is caught above by its URL.
  expect(problems.filter((p) => !/^console: .*status of 404/.test(p))).toEqual([])
})
