// What the landscape screen sends and reads: the request body from the
// form (members one a line, as `patnav landscape --members` reads a file),
// the saved queries to start from, the report language for the chosen UI
// language, and the API's answer.
import type { Watch } from '../api/types'
import type { Labels } from './landscapeCharts'

export interface LandscapeSection {
  name: string
  title_en: string
  title_zh: string
  definition_en: string
  definition_zh: string
  reading_en: string
  reading_zh: string
}

export interface LandscapeAnswer {
  meta: { patents: number; query: string; analyses: Record<string, unknown>; generated_at?: string }
  warnings?: string[]
  presentation: { sections: LandscapeSection[]; labels: { en: Labels; zh: Labels } }
  [analysis: string]: unknown
}

export interface LandscapeBody {
  query: string
  members?: string[]
  lang: 'en' | 'zh'
}

// Applicant names one a line; blank lines and lines starting with '#'
// skipped, surrounding blanks trimmed, repeats dropped.
export function memberNames(text: string): string[] {
  const out: string[] = []
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim()
    if (line && !line.startsWith('#') && !out.includes(line)) out.push(line)
  }
  return out
}

// The report's language for a UI locale: Chinese for zh-*, else English.
export function reportLanguage(locale: string): 'en' | 'zh' {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

// The body of POST /api/v1/landscapes: an empty query is the whole store.
export function landscapeBody(query: string, members: string[], locale: string): LandscapeBody {
  const body: LandscapeBody = { query: query.trim() || '*', lang: reportLanguage(locale) }
  if (members.length) body.members = members
  return body
}

// A section's words in the UI language.
export function sectionText(s: LandscapeSection, locale: string): { title: string; definition: string; reading: string } {
  const zh = reportLanguage(locale) === 'zh'
  return {
    title: (zh ? s.title_zh : s.title_en) || s.title_en || s.name,
    definition: (zh ? s.definition_zh : s.definition_en) || s.definition_en,
    reading: (zh ? s.reading_zh : s.reading_en) || s.reading_en,
  }
}

export interface SavedQuery {
  id: number // the query watch's id (DELETE /api/v1/watches/{id})
  name: string
  query: string
}

// The saved queries (of the search workspace, which a landscape can start
// from): the caller's query watches, by name.
export function savedQueries(watches: Watch[]): SavedQuery[] {
  return watches
    .filter((w) => w.kind === 'query' && typeof w.params.query === 'string' && w.params.query.trim() !== '')
    .map((w) => ({ id: w.id, name: w.name, query: String(w.params.query) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

// Saving a query is creating a query watch (POST /api/v1/watches) saved
// only (active: false): kept to run again, never evaluated, so it sends no
// alerts (a watch that alerts is made on the watches screen).
export function savedQueryBody(name: string, query: string): Record<string, unknown> {
  return { name: name.trim(), kind: 'query', query: query.trim(), active: false }
}
