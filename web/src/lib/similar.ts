// The screening input: a publication number (then the API compares that
// patent) or a product / technology description in any language.
export type SimilarInput = { kind: 'pn'; pn: string } | { kind: 'text'; text: string } | { kind: 'empty' }

// A publication number in any common spelling: two letters, digits (with
// blanks, commas, slashes, dots or dashes between them) and an optional kind
// code, at most 24 characters once blanks are removed: "US 10,123,456 B2",
// "CN112345678A", "WO2020/123456".
export function isPublicationNumber(text: string): boolean {
  const s = text.replace(/\s+/g, '')
  return s.length >= 5 && s.length <= 24 && /^[A-Za-z]{2}\d[\d,/.-]*[A-Za-z]?\d?$/.test(s)
}

export function classifyInput(text: string): SimilarInput {
  const t = text.trim()
  if (!t) return { kind: 'empty' }
  if (isPublicationNumber(t)) return { kind: 'pn', pn: t.replace(/\s+/g, '') }
  return { kind: 'text', text: t }
}

// The match score as a whole percent for the bar (0..100, clamped).
export function percentOf(p: number | undefined): number {
  if (typeof p !== 'number' || !isFinite(p)) return 0
  return Math.round(Math.min(100, Math.max(0, p)))
}
