// SavedQueries against a mocked API: the caller's query watches listed by
// name (other kinds left out), saving the current query as a query watch
// saved only (no alerts), running one (the emitted query) and deleting one, in both languages.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import SavedQueries from './SavedQueries.vue'
import { makeI18n } from '../i18n'
import type { Watch } from '../api/types'

function watch(id: number, name: string, kind: string, params: Record<string, unknown>): Watch {
  return { id, name, kind, rate: 'weekly', alliance: '', notify_empty: false, active: true, params, created_at: '' }
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

// A fake /api/v1/watches holding `list`, answering GET, POST and DELETE.
function fakeWatches(list: Watch[]) {
  let next = 100
  return vi.fn(async (url: string, init: RequestInit) => {
    const method = init?.method ?? 'GET'
    if (method === 'GET' && url === '/api/v1/watches') return json(list)
    if (method === 'POST' && url === '/api/v1/watches') {
      const b = JSON.parse(init.body as string)
      const w = watch(next++, b.name, b.kind, { query: b.query })
      list.push(w)
      return json(w, 201)
    }
    const m = /^\/api\/v1\/watches\/(\d+)$/.exec(url)
    if (method === 'DELETE' && m) {
      list.splice(list.findIndex((w) => w.id === Number(m[1])), 1)
      return new Response(null, { status: 204 })
    }
    return json({ status: 404, detail: 'no such route' }, 404)
  })
}

function mountIt(query: string, locale: 'en' | 'zh-CN' = 'en') {
  return mount(SavedQueries, { props: { query }, global: { plugins: [makeI18n(locale), ElementPlus] } })
}

afterEach(() => vi.unstubAllGlobals())

describe('SavedQueries', () => {
  it('lists the query watches by name and runs one', async () => {
    vi.stubGlobal(
      'fetch',
      fakeWatches([
        watch(1, 'Batteries', 'query', { query: 'TAC=battery' }),
        watch(2, 'BYD', 'applicant', { applicants: ['BYD'] }),
        watch(3, 'Anodes', 'query', { query: 'TAC=anode' }),
      ]),
    )
    const w = mountIt('PD>=2018')
    await flushPromises()
    const runs = w.findAll('button[aria-label^="Run saved query"]')
    expect(runs.map((b) => b.text())).toEqual(['Anodes', 'Batteries'])
    await runs[1].trigger('click')
    expect(w.emitted('run')).toEqual([['TAC=battery']])
  })

  it('saves the current query under a name, then deletes it', async () => {
    const list: Watch[] = []
    const fetch = fakeWatches(list)
    vi.stubGlobal('fetch', fetch)
    const w = mountIt('TAC=电池 AND PD>=2018', 'zh-CN')
    await flushPromises()
    expect(w.text()).toContain('尚无已保存的检索式。')
    const save = w.find('button[type="submit"]')
    expect(save.attributes('disabled')).toBeDefined()
    await w.find('input[aria-label="保存为（名称）"]').setValue('电池近年')
    expect(save.attributes('disabled')).toBeUndefined()
    await w.find('form').trigger('submit')
    await flushPromises()
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(JSON.parse(post[1].body as string)).toEqual({ name: '电池近年', kind: 'query', query: 'TAC=电池 AND PD>=2018', active: false })
    expect(w.find('button[aria-label="运行已保存的检索式 电池近年"]').exists()).toBe(true)
    expect((w.find('input[aria-label="保存为（名称）"]').element as HTMLInputElement).value).toBe('')

    await w.find('button[aria-label="删除已保存的检索式 电池近年"]').trigger('click')
    await flushPromises()
    expect(fetch.mock.calls.some(([url, init]) => init?.method === 'DELETE' && url === '/api/v1/watches/100')).toBe(true)
    expect(list).toEqual([])
    expect(w.find('button[aria-label="运行已保存的检索式 电池近年"]').exists()).toBe(false)
  })

  it('shows a refused save as a readable problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) =>
        init?.method === 'POST'
          ? new Response(JSON.stringify({ status: 409, detail: "a watch named 'x' exists", field: 'name' }), {
              status: 409,
              headers: { 'Content-Type': 'application/problem+json' },
            })
          : json([]),
      ),
    )
    const w = mountIt('TAC=battery')
    await flushPromises()
    await w.find('input').setValue('x')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain("a watch named 'x' exists")
  })
})
