// WriteDialog against a fake POST /alliances/Solar/pools/PV/contributions:
// what the client refuses is shown at its field and nothing is sent; a
// valid form sends the pasted publications as an array; the server's
// refusal stays in the open dialog, at the field whose value it names.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import WriteDialog from './WriteDialog.vue'
import { makeI18n } from '../../i18n'

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

// Knows two patents; refuses the whole contribution when one is unknown.
function fakeContributions(saved: unknown[]) {
  return vi.fn(async (url: string, init: RequestInit) => {
    if (url !== '/api/v1/alliances/Solar/pools/PV/contributions' || init?.method !== 'POST')
      return json({ status: 404, detail: 'no such route' }, 404)
    const b = JSON.parse(init.body as string)
    const unknown = b.publications.find((pn: string) => !['US10000001B2', 'US10000002B2'].includes(pn))
    if (unknown) return json({ status: 404, detail: `unknown patent ${unknown} (not in the store)` }, 404)
    saved.push(b)
    return json({ pool: 'PV', member: b.member, contributed: b.publications.length }, 201)
  })
}

function mountIt() {
  return mount(WriteDialog, {
    props: {
      write: 'contributePatents',
      alliance: 'Solar',
      context: { pool: 'PV', poolCurrency: 'USD' },
      choices: { members: [{ value: 'Acme', label: 'Acme' }] },
      preset: { member: 'Acme' },
    },
    global: { plugins: [makeI18n('en'), ElementPlus] },
    attachTo: document.body,
  })
}

const field = (label: string) => document.body.querySelector<HTMLElement>(`[aria-label="${label}"]`)!
async function type(label: string, value: string) {
  const el = field(label) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}
function itemText(label: string): string {
  return field(label).closest('.el-form-item')?.textContent ?? ''
}
async function submit() {
  document.body.querySelector<HTMLFormElement>('[data-testid="form-contributePatents"]')!.dispatchEvent(new Event('submit'))
  await flushPromises()
  // A form item shows its error after a short debounce.
  await new Promise((r) => setTimeout(r, 200))
  await flushPromises()
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('WriteDialog', () => {
  it('refuses on the client what is obviously wrong and sends nothing', async () => {
    const saved: unknown[] = []
    const fetch = fakeContributions(saved)
    vi.stubGlobal('fetch', fetch)
    const w = mountIt()
    await w.find('button').trigger('click')
    await flushPromises()
    await type('Contributed on', '02/01/2025')
    await type('More countries in force', 'CN, USA')
    await submit()
    expect(itemText('Contributed on')).toContain('Write the date as YYYY-MM-DD')
    expect(itemText('More countries in force')).toContain('"USA" is not a two-letter country code')
    expect(itemText('Publication numbers')).toContain('Required')
    expect(fetch).not.toHaveBeenCalled()
    w.unmount()
  })

  it('sends pasted publications as an array and reports success', async () => {
    const saved: unknown[] = []
    vi.stubGlobal('fetch', fakeContributions(saved))
    const w = mountIt()
    await w.find('button').trigger('click')
    await flushPromises()
    await type('Contributed on', '2025-01-02')
    await type('Publication numbers', 'us10000001b2\n\nUS10000002B2\n')
    await submit()
    expect(saved).toEqual([{ member: 'Acme', contributed_on: '2025-01-02', publications: ['US10000001B2', 'US10000002B2'] }])
    expect(w.emitted('done')).toHaveLength(1)
    w.unmount()
  })

  it("keeps the dialog open with the server's refusal at the field it names", async () => {
    const saved: unknown[] = []
    vi.stubGlobal('fetch', fakeContributions(saved))
    const w = mountIt()
    await w.find('button').trigger('click')
    await flushPromises()
    await type('Publication numbers', 'US10000001B2\nUS99999999B2')
    await submit()
    expect(saved).toEqual([])
    expect(w.emitted('done')).toBeUndefined()
    expect(itemText('Publication numbers')).toContain('unknown patent US99999999B2 (not in the store)')
    expect(document.body.querySelector('[role="alert"]')?.textContent).toContain('unknown patent US99999999B2')
    w.unmount()
  })
})
