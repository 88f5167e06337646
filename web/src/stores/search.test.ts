// The search store against a stubbed fetch: the request it makes, errors, races, facets, export link.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSearchStore } from './search'
import { ApiProblem } from '../api/client'

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

describe('search store', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks for one page with facets and keeps the answer', async () => {
    fetchMock.mockResolvedValue(json(200, { total: 45, hits: [{ publication_number: 'US1A' }], facets: { countries: [] } }))
    const store = useSearchStore()
    await store.run({ q: 'TI=电池', sort: 'date', page: 3, pageSize: 20 })
    const url = new URL(fetchMock.mock.calls[0][0], 'http://x')
    expect(url.pathname).toBe('/api/v1/search')
    expect(url.searchParams.get('q')).toBe('TI=电池')
    expect(url.searchParams.get('offset')).toBe('40')
    expect(url.searchParams.get('limit')).toBe('20')
    expect(url.searchParams.get('sort')).toBe('date')
    expect(url.searchParams.get('facets')).toBe('true')
    expect(store.result?.total).toBe(45)
    expect(store.error).toBeNull()
    expect(store.loading).toBe(false)
  })

  it('keeps the problem of a wrong query', async () => {
    fetchMock.mockResolvedValue(
      json(400, { status: 400, detail: 'expected a date at column 5', code: 'invalid_argument', field: 'q' }, 'application/problem+json'),
    )
    const store = useSearchStore()
    await store.run({ q: 'PD>=(', sort: 'relevance', page: 1, pageSize: 20 })
    expect(store.result).toBeNull()
    expect(store.error).toBeInstanceOf(ApiProblem)
    expect((store.error as ApiProblem).problem.field).toBe('q')
    expect((store.error as ApiProblem).problem.detail).toContain('column 5')
  })

  it('does not call the API for an empty query', async () => {
    const store = useSearchStore()
    await store.run({ q: '  ', sort: 'relevance', page: 1, pageSize: 20 })
    expect(fetchMock).not.toHaveBeenCalled()
    expect(store.result).toBeNull()
  })

  it('narrows the query by a facet from the first page', async () => {
    fetchMock.mockResolvedValue(json(200, { total: 0, hits: [], facets: {} }))
    const store = useSearchStore()
    await store.run({ q: 'TAC=battery', sort: 'citations', page: 4, pageSize: 20 })
    expect(store.withFacet('applicants', 'BYD')).toEqual({ q: 'TAC=battery AND PA="BYD"', sort: 'citations', page: 1, pageSize: 20 })
  })

  it('ignores an answer overtaken by a newer search', async () => {
    let release: (r: Response) => void = () => {}
    fetchMock.mockImplementationOnce(() => new Promise<Response>((r) => (release = r)))
    fetchMock.mockResolvedValueOnce(json(200, { total: 2, hits: [], facets: {} }))
    const store = useSearchStore()
    const first = store.run({ q: 'a', sort: 'relevance', page: 1, pageSize: 20 })
    await store.run({ q: 'b', sort: 'relevance', page: 1, pageSize: 20 })
    release(json(200, { total: 1, hits: [], facets: {} }))
    await first
    expect(store.result?.total).toBe(2)
    expect(store.q).toBe('b')
  })

  it('builds the CSV and XLSX export links of the query', () => {
    const store = useSearchStore()
    store.q = 'PA="A B"'
    expect(store.exportUrl('csv')).toBe('/api/v1/export?format=csv&q=PA%3D%22A+B%22')
    expect(store.exportUrl('xlsx', 'zh')).toBe('/api/v1/export?format=xlsx&q=PA%3D%22A+B%22&lang=zh')
    expect(store.exportUrl('xlsx')).toBe('/api/v1/export?format=xlsx&q=PA%3D%22A+B%22&lang=both')
  })
})
