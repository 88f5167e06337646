// WebhookList against a mocked API: an active webhook has no re-enable
// button; a disabled one shows its reason and a button that posts
// /webhooks/{id}/enable and lists it again as active, in both languages; a
// refused enable shows the problem and leaves it disabled.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import WebhookList from './WebhookList.vue'
import { makeI18n } from '../i18n'
import type { Webhook } from '../api/types'

function hook(id: number, url: string, active: boolean, reason = ''): Webhook {
  return {
    id,
    channel: 'webhook',
    owner_user_id: 7,
    watch_id: 0,
    url,
    active,
    disabled_reason: reason,
    created_at: '2026-12-06T10:00:00Z',
  }
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

// A fake /api/v1/webhooks holding `list`; enabling answers `enableStatus`.
function fakeHooks(list: Webhook[], enableStatus = 200) {
  return vi.fn(async (url: string, init: RequestInit) => {
    const method = init?.method ?? 'GET'
    if (method === 'GET' && url === '/api/v1/webhooks') return json(list)
    const m = /^\/api\/v1\/webhooks\/(\d+)\/enable$/.exec(url)
    if (method === 'POST' && m) {
      if (enableStatus !== 200) return json({ status: enableStatus, detail: 'no webhook ' + m[1] }, enableStatus)
      const h = list.find((x) => x.id === Number(m[1]))!
      h.active = true
      h.disabled_reason = ''
      return json(h)
    }
    return json({ status: 404, detail: 'no such route' }, 404)
  })
}

function mountIt(locale: 'en' | 'zh-CN' = 'en') {
  return mount(WebhookList, { global: { plugins: [makeI18n(locale), ElementPlus] } })
}

afterEach(() => vi.unstubAllGlobals())

describe('WebhookList', () => {
  it('re-enables a disabled webhook and lists it as active again', async () => {
    const fetch = fakeHooks([
      hook(1, 'https://ok.example/hook', true),
      hook(2, 'https://down.example/hook', false, '5 failed deliveries: HTTP 503'),
    ])
    vi.stubGlobal('fetch', fetch)
    const w = mountIt()
    await flushPromises()
    expect(w.text()).toContain('5 failed deliveries: HTTP 503')
    const buttons = w.findAll('button[aria-label^="Re-enable"]')
    expect(buttons.map((b) => b.attributes('aria-label'))).toEqual(['Re-enable https://down.example/hook'])
    await buttons[0].trigger('click')
    await flushPromises()
    const posts = fetch.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST')
    expect(posts.map(([url]) => url)).toEqual(['/api/v1/webhooks/2/enable'])
    expect(w.findAll('button[aria-label^="Re-enable"]')).toHaveLength(0)
    expect(w.text()).not.toContain('HTTP 503')
  })

  it('shows a refused enable and keeps the webhook disabled', async () => {
    vi.stubGlobal('fetch', fakeHooks([hook(3, 'https://gone.example/hook', false, 'HTTP 410')], 404))
    const w = mountIt()
    await flushPromises()
    await w.get('button[aria-label="Re-enable https://gone.example/hook"]').trigger('click')
    await flushPromises()
    expect(w.text()).toContain('no webhook 3')
    expect(w.findAll('button[aria-label^="Re-enable"]')).toHaveLength(1)
  })

  it('labels the button in Chinese', async () => {
    vi.stubGlobal('fetch', fakeHooks([hook(4, 'https://down.example/h', false, 'HTTP 500')]))
    const w = mountIt('zh-CN')
    await flushPromises()
    const b = w.get('button[aria-label="重新启用 https://down.example/h"]')
    expect(b.text()).toBe('重新启用')
    expect(w.text()).toContain('已停用')
  })
})
