// The search workspace's state: the query, sort and page, the last answer of
// GET /api/v1/search and its error. The URL is the source of truth (so a
// search is a link): the view calls run() with what the route says.
import { defineStore } from 'pinia'
import { api, ApiProblem, queryString } from '../api/client'
import type { SearchResult } from '../api/types'
import { addFacet, type FacetKind } from '../lib/query'

export type Sort = 'relevance' | 'date' | 'citations'

export interface SearchParams {
  q: string
  sort: Sort
  page: number
  pageSize: number
}

interface State extends SearchParams {
  result: SearchResult | null
  error: ApiProblem | Error | null
  loading: boolean
  seq: number
}

export const useSearchStore = defineStore('search', {
  state: (): State => ({
    q: '',
    sort: 'relevance',
    page: 1,
    pageSize: 20,
    result: null,
    error: null,
    loading: false,
    seq: 0,
  }),
  getters: {
    // The download of the hit set: CSV, or an XLSX workbook whose header is
    // in `lang` (en, zh or both).
    exportUrl:
      (s) =>
      (format: 'csv' | 'xlsx', lang: 'en' | 'zh' | 'both' = 'both'): string =>
        `/api/v1/export?${queryString(format === 'xlsx' ? { format, q: s.q, lang } : { format, q: s.q })}`,
  },
  actions: {
    async run(params: SearchParams): Promise<void> {
      Object.assign(this, params)
      if (!params.q.trim()) {
        this.result = null
        this.error = null
        return
      }
      const seq = ++this.seq
      this.loading = true
      try {
        const qs = queryString({
          q: params.q,
          sort: params.sort,
          limit: params.pageSize,
          offset: (params.page - 1) * params.pageSize,
          facets: true,
        })
        const result = await api<SearchResult>(`/search?${qs}`)
        if (seq !== this.seq) return  // a newer search answered first
        this.result = result
        this.error = null
      } catch (e) {
        if (seq !== this.seq) return
        this.result = null
        this.error = e instanceof Error ? e : new Error(String(e))
      } finally {
        if (seq === this.seq) this.loading = false
      }
    },
    // The parameters of the search narrowed by a facet value (first page).
    withFacet(kind: FacetKind, value: string): SearchParams {
      return { q: addFacet(this.q, kind, value), sort: this.sort, page: 1, pageSize: this.pageSize }
    },
  },
})
