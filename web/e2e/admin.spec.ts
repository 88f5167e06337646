// The administration screen: an administrator adds a user with a scoped
// grant, grants another role, creates an API token that works once copied,
// reads the audit trail (deep link, reload) and disables the user, who can
// then no longer sign in; an analyst never sees the screen.
import { expect, test } from '@playwright/test'
import { base, shot, signIn, watchPage } from './helpers'
import { DEMO_PASSWORD } from './global-setup'

test('an administrator manages a user, a token and reads the audit trail', async ({ page, request }) => {
  // The wrong password at the end answers 401 on purpose.
  const problems = watchPage(page, (url, status) => status === 401 && url.endsWith('/api/v1/session'))
  await signIn(page, 'root')
  await page.getByRole('link', { name: '系统管理' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await expect(page.getByRole('heading', { name: '系统管理', level: 1 })).toBeVisible()

  // A member grant needs its alliance and member: refused until both are given.
  await page.getByRole('button', { name: '新增用户' }).click()
  const dialog = page.getByRole('dialog', { name: '新增用户' })
  await dialog.getByLabel('用户名').fill('opx')
  await dialog.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
  // The select opens on its visible box (its input is a zero-width combobox).
  await dialog.locator('.el-select').click()
  await page.getByRole('option', { name: '联盟运营方' }).click()
  await dialog.getByRole('button', { name: '创建' }).click()
  await expect(dialog.getByRole('alert')).toContainText('联盟')
  await dialog.getByLabel('联盟').fill('Alpha')
  await dialog.getByRole('button', { name: '创建' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByRole('row', { name: /opx/ })
  await expect(row).toContainText('联盟运营方 · Alpha')

  await row.getByRole('button', { name: '为 opx 授予角色' }).click()
  const grant = page.getByRole('dialog', { name: '为 opx 授予角色' })
  await grant.locator('.el-select').click()
  await page.getByRole('option', { name: '分析师' }).click()
  await grant.getByRole('button', { name: '授予角色' }).click()
  await expect(row).toContainText('分析师')
  await shot(page, 'admin-users')

  // A token for scripts: shown once, and it authenticates.
  await page.getByRole('tab', { name: 'API 令牌' }).click()
  await expect(page).toHaveURL(/\/admin\/tokens$/)
  await page.getByRole('button', { name: '新建 API 令牌' }).click()
  const tokenDialog = page.getByRole('dialog', { name: '新建 API 令牌' })
  await tokenDialog.getByLabel('标签').fill('nightly export')
  await tokenDialog.getByRole('button', { name: '创建' }).click()
  const secret = (await page.getByTestId('token-secret').textContent())?.trim() ?? ''
  expect(secret.length).toBeGreaterThan(30)
  await expect(page.getByRole('row', { name: /nightly export/ })).toContainText('管理员')
  const me = await request.get(`${base()}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } })
  expect(me.status()).toBe(200)
  expect((await me.json()).username).toBe('root')

  // The audit trail, by deep link, survives a reload and filters by action.
  await page.goto(`${base()}/admin/audit`)
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible()
  await page.waitForLoadState('networkidle')  // a reload would abort calls in flight
  await page.reload()
  await expect(page.getByText(/共 \d+ 条/)).toBeVisible()
  await page.getByLabel('动作').fill('user.add')
  await page.getByRole('button', { name: '筛选' }).click()
  const audit = page.getByRole('region', { name: '审计日志' })
  await expect(audit.getByRole('row', { name: /user:opx/ }).first()).toContainText('root')
  await shot(page, 'admin-audit')

  // Disabled: sessions end and signing in is refused.
  await page.getByRole('tab', { name: '用户' }).click()
  await page.getByRole('row', { name: /opx/ }).getByRole('button', { name: '停用 opx' }).click()
  await page.getByRole('button', { name: /确定|OK/ }).click()
  await expect(page.getByRole('row', { name: /opx/ })).toContainText('已停用')
  const login = await request.post(`${base()}/api/v1/session`, {
    headers: { 'X-Requested-With': 'patnav', 'Content-Type': 'application/json' },
    data: { username: 'opx', password: DEMO_PASSWORD },
  })
  expect(login.status()).toBe(401)
  expect(problems).toEqual([])
})

test('an analyst has no administration screen', async ({ page }) => {
  const problems = watchPage(page)
  await signIn(page)
  await expect(page.getByRole('link', { name: '系统管理' })).toHaveCount(0)
  await page.goto(`${base()}/admin/users`)
  await expect(page).toHaveURL(/\/search$/)
  expect(problems).toEqual([])
})
