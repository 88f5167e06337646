// The patent page's citation and family tables from GET /patents/{pn}/links:
// one row per cited, citing or family publication, with the publication
// number to link to when the store holds it (null: shown as text only).
import type { PatentLinks, PublicationBrief } from '../api/types'

export interface LinkRow {
  number: string // as shown
  pn: string | null // the stored publication to open, or null
  title: string
  country: string
  kind: string
  date: string
  category: string // a citation's category (X, Y, cited by examiner...), else ''
  self: boolean // the patent of the page itself (a family member)
}

function briefRow(b: PublicationBrief, self = false): LinkRow {
  return {
    number: b.publication_number,
    pn: self ? null : b.publication_number,
    title: b.title,
    country: b.country,
    kind: b.kind,
    date: b.publication_date,
    category: '',
    self,
  }
}

// The cited publications in the record's order; a citation the store does
// not hold keeps its own number, country, kind and date.
export function citedRows(links: PatentLinks): LinkRow[] {
  return links.cites.map((c) =>
    c.stored
      ? { ...briefRow(c.stored), category: c.category }
      : {
          number: c.cited_number || `${c.country}${c.doc_number}${c.kind}`,
          pn: null,
          title: '',
          country: c.country,
          kind: c.kind,
          date: c.date,
          category: c.category,
          self: false,
        },
  )
}

export function citingRows(links: PatentLinks): LinkRow[] {
  return links.cited_by.map((b) => briefRow(b))
}

// The family's stored members, the page's own publication marked (not linked),
// earliest publication first.
export function familyRows(links: PatentLinks): LinkRow[] {
  return links.family
    .map((b) => briefRow(b, b.publication_number === links.publication_number))
    .sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.number.localeCompare(b.number))
}

// The citing publications are paged: this many a page.
export const citingPageSize = 50

// The query of GET /patents/{pn}/links for page `page` (from 1) of the citing publications.
export function citingPageQuery(page: number): string {
  const p = Math.max(1, Math.floor(page) || 1)
  return `cited_by_limit=${citingPageSize}&cited_by_offset=${(p - 1) * citingPageSize}`
}

// Which of the citing publications the page lists, counted from 1 (from > to when none).
export function citingShown(links: PatentLinks): { from: number; to: number; total: number } {
  const offset = links.cited_by_offset ?? 0
  return { from: offset + 1, to: offset + links.cited_by.length, total: links.cited_by_total }
}
