// The session store against a stubbed fetch: sign-in with the CSRF header, screens by role, expiry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSessionStore } from './session'

describe('session store', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('signs in with the CSRF header and derives screens from grants', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ user: { id: 1, username: 'ana', display_name: '', grants: [{ id: 1, role: 'analyst' }] } }), {
        status: 200,
      }),
    )
    const s = useSessionStore()
    await s.login('ana', 'secret-secret')
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/session')
    expect(init.method).toBe('POST')
    expect(init.headers['X-Requested-With']).toBe('patnav')
    expect(JSON.parse(init.body)).toEqual({ username: 'ana', password: 'secret-secret' })
    expect(s.signedIn).toBe(true)
    expect(s.may('search')).toBe(true)
    expect(s.may('ingest')).toBe(true)
    expect(s.may('landscape')).toBe(true)
    expect(s.may('similar')).toBe(true)
  })

  it('a licensee sees no search or ingest', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ id: 2, username: 'lic', display_name: '', grants: [{ id: 2, role: 'licensee', alliance: 'A' }] })),
    )
    const s = useSessionStore()
    expect(await s.load()).toBe(true)
    expect(s.may('search')).toBe(false)
    expect(s.may('ingest')).toBe(false)
    expect(s.may('landscape')).toBe(false)
    expect(s.may('similar')).toBe(false)
    expect(s.may('alliances')).toBe(true)
  })

  it('no session: load is false; expiry of a signed-in user leaves a notice', async () => {
    fetchMock.mockResolvedValue(new Response('{"status":401}', { status: 401 }))
    const s = useSessionStore()
    expect(await s.load()).toBe(false)
    s.user = { id: 1, username: 'x', display_name: '', grants: [] }
    s.expire()
    expect(s.signedIn).toBe(false)
    expect(s.notice).toBe('expired')
  })
})
