// RiskView against a mocked API: a blank description is refused before any
// call; the report shows each patent with its tier and reason in the chosen
// language; choosing a claim element highlights the product sentence that
// evidences it and the words they share.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import RiskView from './RiskView.vue'
import { makeI18n } from '../i18n'
import type { RiskReport } from '../api/types'

const product = 'The SkyCell is a metal-air battery. It has a carbon nanotube network.'

const report: RiskReport = {
  format_version: 1,
  generated_at: '2026-12-06T10:00:00Z',
  as_of: '2025-06-01',
  countries: ['US'],
  competitors: [],
  product: {
    text: product,
    sentences: [
      { start: 0, end: 35, text: 'The SkyCell is a metal-air battery.' },
      { start: 36, end: 70, text: 'It has a carbon nanotube network.' },
    ],
  },
  patents: [
    {
      rank: 1,
      publication_number: 'US10512588B2',
      title: 'Metal-air battery',
      tier: 'high',
      reason: { en: 'every element of independent claim 1 (2/2) is evidenced', zh: '独立权利要求1的全部技术特征（2/2）均有对应' },
      decisive_claim: 1,
      similarity: 90,
      matched_terms: ['battery'],
      in_force: [{ country: 'US', state: 'in_force', expiry: '2039-07-21' }],
      owner: { current: ['Acme'], basis: '' },
      expiry: '2039-07-21',
      family_countries: ['US'],
      legal_events: [],
      claims: [
        {
          num: 1,
          text: '1. A metal-air battery, comprising: a carbon nanotube network.',
          checked: 2,
          evidenced: 2,
          elements: [
            { kind: 'preamble', text: 'A metal-air battery, comprising', keys: 3, evidenced: true, percent: 100, missing: [],
              evidence: [{ sentence: 0, percent: 100, matched: ['metal', 'air', 'battery'] }] },
            { kind: 'element', text: 'a carbon nanotube network', keys: 3, evidenced: true, percent: 100, missing: [],
              evidence: [{ sentence: 1, percent: 100, matched: ['carbon', 'nanotube', 'network'] }] },
          ],
        },
      ],
    },
  ],
  not_in_force: [],
  searches: [],
  disclaimer: { en: 'This report is an automated screening, not a legal opinion.', zh: '本报告是自动筛查结果，不构成法律意见。' },
}

function mountView(locale: 'en' | 'zh-CN') {
  return mount(RiskView, {
    global: { plugins: [makeI18n(locale), ElementPlus], stubs: { 'router-link': { template: '<a><slot /></a>' } } },
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('RiskView', () => {
  it('refuses a blank description without calling the API', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const w = mountView('en')
    await w.find('form').trigger('submit')
    expect(w.find('[role="alert"]').text()).toBe('Describe the product first.')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('shows the ranked patents and highlights the evidence of a chosen element', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(report), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetch)
    const w = mountView('zh-CN')
    await w.find('textarea').setValue(product)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/risk')
    expect(JSON.parse(init.body as string)).toEqual({ product, countries: ['US'] })
    expect(w.text()).toContain('高风险')
    expect(w.text()).toContain('独立权利要求1的全部技术特征（2/2）均有对应')
    expect(w.text()).toContain('不构成法律意见')
    const text = w.find('[data-testid="risk-product-text"]')
    expect(text.text()).toBe(product)
    expect(text.findAll('mark')).toHaveLength(0)
    const elements = w.findAll('button.element')
    expect(elements).toHaveLength(2)
    await elements[1].trigger('click')
    expect(text.findAll('mark').map((m) => m.text())).toEqual(['carbon', 'nanotube', 'network'])
    expect(elements[1].attributes('aria-pressed')).toBe('true')
    await elements[0].trigger('click')
    expect(text.findAll('mark').map((m) => m.text())).toEqual(['metal', 'air', 'battery'])
  })
})
