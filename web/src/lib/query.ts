// Rewriting an expert query (docs/query-language.md) when a facet is chosen:
// the query so far AND one field condition.
export type FacetKind = 'applicants' | 'countries' | 'ipc_subclasses' | 'years'

const FIELD: Record<FacetKind, string> = {
  applicants: 'PA',
  countries: 'CC',
  ipc_subclasses: 'IPC',
  years: 'PD',
}

// The condition a facet value stands for: PA="NAME", CC=US, IPC=H01M, PD=2020.
export function facetCondition(kind: FacetKind, value: string): string {
  const field = FIELD[kind]
  if (kind === 'applicants') return `${field}="${value.replace(/"/g, '')}"`
  return `${field}=${value.replace(/\s+/g, '')}`
}

// `query` narrowed to the facet value. The query so far is parenthesised when
// it holds an OR, so the new condition applies to the whole of it.
export function addFacet(query: string, kind: FacetKind, value: string): string {
  const condition = facetCondition(kind, value)
  const q = query.trim()
  if (!q) return condition
  if (q.includes(condition)) return q
  const needsParens = /\bOR\b/i.test(q) && !(q.startsWith('(') && q.endsWith(')'))
  return `${needsParens ? `(${q})` : q} AND ${condition}`
}
