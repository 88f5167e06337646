// RoyaltyReportForm against a fake POST /alliances/Solar/royalty-reports
// (and its /preview): the royalty is computed and shown before anything is
// filed, filing is offered only while the form is what was computed, and
// the filed report is what was computed; a licensee is chosen among the
// agreements' when none is given.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import RoyaltyReportForm from './RoyaltyReportForm.vue'
import { makeI18n } from '../i18n'
import { formatMoney } from '../lib/money'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

// 50 minor units a unit; `filed` collects what was recorded.
function fakeReports(filed: unknown[]) {
  return vi.fn(async (url: string, init: RequestInit) => {
    const preview = url === '/api/v1/alliances/Solar/royalty-reports/preview'
    if ((url !== '/api/v1/alliances/Solar/royalty-reports' && !preview) || init?.method !== 'POST')
      return json({ status: 404, detail: 'no such route' }, 404)
    const b = JSON.parse(init.body as string)
    const units = b.lines.reduce((n: number, l: { figure: string }) => n + Number(l.figure), 0)
    const report = { report_id: preview ? 0 : filed.length + 1, licensee: b.licensee, programme: b.programme, period: b.period, currency: 'USD', lines: b.lines.length, total_minor: 50 * units, capped: false }
    if (!preview) filed.push(b)
    return json({ reports: [report], lines: b.lines.length, totals_minor: { USD: report.total_minor }, recorded: !preview }, preview ? 200 : 201)
  })
}

const agreements = [
  { licensee: 'BYD Auto', programme: 'GA' },
  { licensee: 'NIO', programme: 'GB' },
]

function mountIt(licensee: string) {
  return mount(RoyaltyReportForm, {
    props: { alliance: 'Solar', licensee, agreements },
    global: { plugins: [makeI18n('en'), ElementPlus] },
  })
}

function button(w: ReturnType<typeof mountIt>, text: string) {
  const b = w.findAll('button').find((x) => x.text() === text)
  if (!b) throw new Error(`no button ${text}`)
  return b
}

afterEach(() => vi.unstubAllGlobals())

describe('RoyaltyReportForm', () => {
  it('computes the royalty first, files only what was computed', async () => {
    const filed: unknown[] = []
    const fetch = fakeReports(filed)
    vi.stubGlobal('fetch', fetch)
    const w = mountIt('BYD Auto')
    await w.find('input[placeholder^="e.g. 2025Q1"]').setValue('2025Q2')
    await w.find('input[aria-label="Country code of line 1"]').setValue('cn')
    await w.find('input[aria-label="Units or net sales of line 1"]').setValue('10')
    expect(button(w, 'File report').attributes('disabled')).toBeDefined()

    await w.find('form').trigger('submit')
    await flushPromises()
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/alliances/Solar/royalty-reports/preview')
    expect(JSON.parse(fetch.mock.calls[0][1].body as string)).toMatchObject({ licensee: 'BYD Auto', programme: 'GA' })
    expect(w.find('[aria-label="Computed royalty"]').text()).toContain(`BYD Auto · GA · 2025Q2, 1 line(s): royalty ${formatMoney(500, 'USD', 'en')}`)
    expect(filed).toEqual([])
    expect(button(w, 'File report').attributes('disabled')).toBeUndefined()

    // Changed after computing: computed again before it can be filed.
    await w.find('input[aria-label="Units or net sales of line 1"]').setValue('12')
    expect(w.find('[aria-label="Computed royalty"]').exists()).toBe(false)
    expect(button(w, 'File report').attributes('disabled')).toBeDefined()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[aria-label="Computed royalty"]').text()).toContain(formatMoney(600, 'USD', 'en'))

    await button(w, 'File report').trigger('click')
    await flushPromises()
    expect(filed).toEqual([{ licensee: 'BYD Auto', programme: 'GA', period: '2025Q2', source: 'web', lines: [{ country: 'CN', figure: '12' }] }])
    const emitted = w.emitted('filed')![0][0] as { reports: { total_minor: number }[]; recorded: boolean }
    expect(emitted.recorded).toBe(true)
    expect(emitted.reports[0].total_minor).toBe(600)
  })

  it('asks for the licensee when none is given', async () => {
    const fetch = fakeReports([])
    vi.stubGlobal('fetch', fetch)
    const w = mountIt('')
    expect(w.text()).toContain('Licensee')
    await w.find('input[placeholder^="e.g. 2025Q1"]').setValue('2025Q2')
    await w.find('input[aria-label="Country code of line 1"]').setValue('CN')
    await w.find('input[aria-label="Units or net sales of line 1"]').setValue('1')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(fetch).not.toHaveBeenCalled()
    const items = w.findAll('.el-form-item')
    expect(items[0].text()).toContain('Licensee')
    expect(items[0].classes()).toContain('is-error')
    // (No licensee, so no programme of its agreements either.)
    expect(items.filter((i) => i.classes().includes('is-error')).map((i) => i.find('label').text())).toEqual(['Licensee', 'Programme'])
  })
})
