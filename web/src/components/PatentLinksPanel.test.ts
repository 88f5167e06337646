// PatentLinksPanel against a fake GET /patents/{pn}/links that pages its
// 120 citing publications by cited_by_limit and cited_by_offset: the first
// page lists 50, another page asks for its offset and lists what the API
// answers, and a publication with few citing ones shows no pages.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import PatentLinksPanel from './PatentLinksPanel.vue'
import { makeI18n } from '../i18n'
import type { PatentLinks } from '../api/types'

const citing = Array.from({ length: 120 }, (_, i) => ({
  publication_number: `US${10000001 + i}B2`,
  country: 'US',
  kind: 'B2',
  publication_date: '2020-01-01',
  title: `citing ${i + 1}`,
}))

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

// The links of US9000001B2, cited by the first `total` of `citing`.
function fakeLinks(total: number) {
  return vi.fn(async (url: string) => {
    const u = new URL(url, 'http://x')
    if (u.pathname !== '/api/v1/patents/US9000001B2/links') return json({ status: 404, detail: 'no such route' }, 404)
    const limit = Number(u.searchParams.get('cited_by_limit') ?? 200)
    const offset = Number(u.searchParams.get('cited_by_offset') ?? 0)
    const body: PatentLinks = {
      publication_number: 'US9000001B2',
      cites: [],
      cited_by_total: total,
      cited_by_offset: offset,
      cited_by: citing.slice(0, total).slice(offset, offset + limit),
      family_id: '',
      family: [],
    }
    return json(body)
  })
}

function mountIt() {
  return mount(PatentLinksPanel, {
    props: { pn: 'US9000001B2' },
    global: { plugins: [makeI18n('en'), ElementPlus], stubs: { 'router-link': { template: '<a><slot /></a>' } } },
  })
}

function listed(w: ReturnType<typeof mountIt>): string[] {
  return w.find('[data-testid="cited-by"]').findAll('tbody tr').map((r) => r.find('a').text())
}

afterEach(() => vi.unstubAllGlobals())

describe('PatentLinksPanel', () => {
  it('pages the citing publications beyond the first page by offset', async () => {
    const fetch = fakeLinks(120)
    vi.stubGlobal('fetch', fetch)
    const w = mountIt()
    await flushPromises()
    expect(fetch.mock.calls[0][0]).toContain('cited_by_limit=50&cited_by_offset=0')
    expect(listed(w)).toHaveLength(50)
    expect(listed(w)[0]).toBe('US10000001B2')
    expect(w.text()).toContain('Citing patents 1–50 of 120.')
    expect(w.text()).toContain('Cited by (120)')

    const last = w.findAll('.el-pager li').find((li) => li.text() === '3')
    expect(last).toBeDefined()
    await last!.trigger('click')
    await flushPromises()
    expect(fetch.mock.calls.at(-1)![0]).toContain('cited_by_limit=50&cited_by_offset=100')
    expect(listed(w)).toEqual(citing.slice(100).map((c) => c.publication_number))
    expect(w.text()).toContain('Citing patents 101–120 of 120.')
  })

  it('shows no pages when every citing publication fits on one', async () => {
    vi.stubGlobal('fetch', fakeLinks(7))
    const w = mountIt()
    await flushPromises()
    expect(listed(w)).toHaveLength(7)
    expect(w.find('.el-pager').exists()).toBe(false)
    expect(w.text()).not.toContain('Citing patents 1–')
  })
})
