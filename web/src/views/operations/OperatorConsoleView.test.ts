// OperatorConsoleView's licensing tab against a fake API whose answers
// arrive out of order: a write's reload starts while the previous write's
// reload is still in flight, and the older answer (from before the second
// write) arrives last. The screen must keep the newer answer: the agreement just
// written stays listed and the royalty form still offers its programme.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import OperatorConsoleView from './OperatorConsoleView.vue'
import WriteDialog from './WriteDialog.vue'
import { makeI18n } from '../../i18n'
import { useSessionStore } from '../../stores/session'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const agreement = { id: 1, licensee: 'Goldwind', programme: 'WA', pool: 'Wind', territories: 'CN', effective_from: '2024-01-01', effective_to: null }

// Answers every GET of the licensing tab; the agreements are those of
// `agreementsNow` when the call is made, and the second call's answer is
// held until `release` is called.
function fakeApi(state: { agreementsNow: unknown[] }) {
  let releaseHeld = () => {}
  let agreementCalls = 0
  const fetch = vi.fn(async (url: string) => {
    const path = url.replace('/api/v1/alliances/Solar', '')
    if (path === '/members') return json([])
    if (path === '/pools') return json([])
    if (path === '/programmes') return json([{ name: 'WA', pool: 'Wind' }])
    if (path === '/royalty-reports') return json([])
    if (path === '/licensees') return json([{ name: 'Goldwind', country: 'CN', member: null }])
    if (path === '/agreements') {
      const answer = json(state.agreementsNow)
      if (++agreementCalls !== 2) return answer
      return new Promise<Response>((resolve) => (releaseHeld = () => resolve(answer)))
    }
    return new Response(JSON.stringify({ status: 404, detail: `no route ${path}` }), { status: 404 })
  })
  return { fetch, release: () => releaseHeld() }
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('OperatorConsoleView', () => {
  it('keeps the newest load when an older one answers last', async () => {
    const state: { agreementsNow: unknown[] } = { agreementsNow: [] }
    const api = fakeApi(state)
    vi.stubGlobal('fetch', api.fetch)
    setActivePinia(createPinia())
    useSessionStore().user = { name: 'opS', grants: [{ role: 'operator', alliance: 'Solar' }] } as never
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/alliances/:name', name: 'alliance', component: { template: '<p />' } },
        { path: '/alliances/:name/operations/:tab', name: 'operations', component: OperatorConsoleView },
      ],
    })
    await router.push('/alliances/Solar/operations/licensing')
    await router.isReady()
    const w = mount({ template: '<router-view />' }, {
      global: { plugins: [makeI18n('en'), ElementPlus, router] },
      attachTo: document.body,
    })
    await flushPromises()
    // A licensee is added: the reload's agreements (none yet) are held.
    const dialogs = w.findAllComponents(WriteDialog)
    expect(dialogs.length).toBeGreaterThan(0)
    dialogs[0].vm.$emit('done', {})
    await flushPromises()
    // An agreement is written and the tab reloads; that load answers at once.
    state.agreementsNow = [agreement]
    dialogs[0].vm.$emit('done', {})
    await flushPromises()
    expect(w.text()).toContain('Goldwind')
    // The older reload answers last, with the state from before the write.
    api.release()
    await flushPromises()
    const rows = [...document.body.querySelectorAll('.el-table__body tr')].map((r) => r.textContent ?? '')
    expect(rows.some((r) => r.includes('Goldwind') && r.includes('WA'))).toBe(true)
    expect(api.fetch.mock.calls.filter(([u]) => String(u).endsWith('/agreements'))).toHaveLength(3)
    w.unmount()
  })
})
