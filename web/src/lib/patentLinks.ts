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

// How many citing publications the API left out of the list (0 when all are there).
export function citingNotListed(links: PatentLinks): number {
  return Math.max(0, links.cited_by_total - links.cited_by.length)
}
