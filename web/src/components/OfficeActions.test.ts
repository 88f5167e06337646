// OfficeActions against a mocked API: only the allowed actions become
// buttons, in the workflow's order; an action needing a comment is not
// sent without one; the comment goes in the POST to the action's path and
// the answer is emitted; the server's refusal stays in the dialog, readable.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import OfficeActions from './OfficeActions.vue'
import { makeI18n } from '../i18n'

function mountActions(allowed: string[], locale: 'zh-CN' | 'en' = 'en') {
  return mount(OfficeActions, {
    props: { workflow: 'recording', allowed, path: '/alliances/Gamma/recording' },
    global: { plugins: [makeI18n(locale), ElementPlus] },
    attachTo: document.body,
  })
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function press(w: ReturnType<typeof mountActions>, name: string) {
  const button = w.findAll('button').find((b) => b.text() === name)
  expect(button, `a button named ${name}`).toBeTruthy()
  await button!.trigger('click')
  await flushPromises()
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('OfficeActions', () => {
  it('shows the allowed actions only, forward step first', () => {
    const w = mountActions(['withdraw', 'return', 'accept'])
    expect(w.findAll('.office-actions > button').map((b) => b.text())).toEqual([
      'Accept (province review)',
      'Return for correction',
      'Withdraw',
    ])
    w.unmount()
  })

  it('says so when no action is the reader’s', () => {
    const w = mountActions([], 'zh-CN')
    expect(w.text()).toContain('当前没有可由您办理的操作')
    expect(w.findAll('.office-actions > button')).toHaveLength(0)
    w.unmount()
  })

  it('does not send a return without a comment, then sends it with one', async () => {
    const answer = { state: 'needs_correction', allowed_actions: [] }
    const fetch = vi.fn(async () => json(answer))
    vi.stubGlobal('fetch', fetch)
    const w = mountActions(['accept', 'return'])
    await press(w, 'Return for correction')
    await press(w, 'Confirm: Return for correction')
    expect(fetch).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('This action needs a comment or reason')

    await w.find('textarea').setValue('  add the contact e-mail ')
    await press(w, 'Confirm: Return for correction')
    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/alliances/Gamma/recording/return')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({ comment: 'add the contact e-mail' })
    expect(w.emitted('done')?.[0]).toEqual([answer, 'return'])
    w.unmount()
  })

  it('keeps the server’s refusal in the dialog as a readable message', async () => {
    const detail = 'cannot accept a recording that is needs_correction; allowed: resubmit, withdraw'
    vi.stubGlobal('fetch', vi.fn(async () => json({ status: 409, title: 'Conflict', detail }, 409)))
    const w = mountActions(['accept'])
    await press(w, 'Accept (province review)')
    await press(w, 'Confirm: Accept (province review)')
    expect(document.body.querySelector('[role="alert"]')?.textContent).toContain(detail)
    expect(w.emitted('done')).toBeUndefined()
    w.unmount()
  })
})
