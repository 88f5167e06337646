// The royalty-report form of the licensee portal: the request body of
// POST /alliances/{a}/royalty-reports from what was typed, and which field
// of the form an API problem is about (so the message shows at that field).
import { ApiProblem } from '../api/client'

export interface ReportLine {
  country: string
  figure: string
}

export interface ReportForm {
  programme: string
  period: string
  lines: ReportLine[]
}

export type ReportField = 'programme' | 'period' | 'lines'

export interface ReportBody {
  licensee: string
  programme: string
  period: string
  source: string
  lines: ReportLine[]
}

// The body for `licensee`: values trimmed, country codes upper-case, lines
// left entirely blank dropped. The API checks everything else.
export function reportBody(licensee: string, form: ReportForm): ReportBody {
  return {
    licensee,
    programme: form.programme.trim(),
    period: form.period.trim(),
    source: 'web',
    lines: form.lines
      .map((l) => ({ country: l.country.trim().toUpperCase(), figure: l.figure.trim() }))
      .filter((l) => l.country !== '' || l.figure !== ''),
  }
}

// The fields left empty, in form order (asked before anything is sent).
export function missingFields(form: ReportForm): ReportField[] {
  const missing: ReportField[] = []
  if (!form.programme.trim()) missing.push('programme')
  if (!form.period.trim()) missing.push('period')
  if (!form.lines.some((l) => l.country.trim() || l.figure.trim())) missing.push('lines')
  return missing
}

// The words by which the API's messages name each field ("period '2025-13'
// is not a quarter ...", "royalty line 'CN=x': units must be ...").
const FIELD_WORDS: Record<ReportField, string[]> = {
  programme: ['programme'],
  period: ['period'],
  lines: ['lines', 'line', 'country', 'figure', 'units'],
}

// The form field a failed filing is about: the problem's own `field` when it
// is one of the form's, else the field whose word comes first in its detail;
// null when it names none (the message then shows above the form).
export function problemField(error: unknown): ReportField | null {
  if (!(error instanceof ApiProblem)) return null
  const p = error.problem
  if (p.field && p.field in FIELD_WORDS) return p.field as ReportField
  const detail = (p.detail ?? '').toLowerCase()
  let best: ReportField | null = null
  let at = Infinity
  for (const [field, words] of Object.entries(FIELD_WORDS) as [ReportField, string[]][])
    for (const w of words) {
      const m = new RegExp(`\\b${w}\\b`).exec(detail)
      if (m && m.index < at) {
        at = m.index
        best = field
      }
    }
  return best
}
