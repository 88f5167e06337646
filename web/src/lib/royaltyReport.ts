// The royalty-report form (licensee portal, operator console): the request
// body of POST /alliances/{a}/royalty-reports from what was typed, which
// field of the form an API problem is about (so the message shows at that
// field), the licensees and programmes the agreements offer, and whether a
// computed royalty (a preview) is still that of the form.
import { ApiProblem } from '../api/client'
import { formatMoney } from './money'

export interface ReportLine {
  country: string
  figure: string
}

export interface ReportForm {
  programme: string
  period: string
  lines: ReportLine[]
}

export type ReportField = 'licensee' | 'programme' | 'period' | 'lines'

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
export function missingFields(form: ReportForm, licensee = 'given'): ReportField[] {
  const missing: ReportField[] = []
  if (!licensee.trim()) missing.push('licensee')
  if (!form.programme.trim()) missing.push('programme')
  if (!form.period.trim()) missing.push('period')
  if (!form.lines.some((l) => l.country.trim() || l.figure.trim())) missing.push('lines')
  return missing
}

// The words by which the API's messages name each field ("period '2025-13'
// is not a quarter ...", "royalty line 'CN=x': units must be ...").
// (A licensee the API refuses is shown above the form: the licensee portal
// has no field for it.)
const FIELD_WORDS: Record<Exclude<ReportField, 'licensee'>, string[]> = {
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

export interface AgreementRef {
  licensee: string
  programme: string
}

// The licensees that have an agreement, sorted, each once.
export function licenseesOf(agreements: AgreementRef[]): string[] {
  return [...new Set(agreements.map((a) => a.licensee))].sort()
}

// The programmes `licensee` has an agreement under, sorted, each once.
export function programmesOf(agreements: AgreementRef[], licensee: string): string[] {
  return [...new Set(agreements.filter((a) => a.licensee === licensee).map((a) => a.programme))].sort()
}

// A royalty CSV as uploaded: its text, named by its file (the API's
// messages name the file and line).
export interface CsvBody {
  csv: string
  source: string
}

export function csvBody(fileName: string, text: string): CsvBody {
  return { csv: text, source: fileName }
}

// The data lines of a royalty CSV (its header and blank lines not counted).
export function csvLineCount(text: string): number {
  return Math.max(0, text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1)
}

// What a computed royalty was computed from: equal keys, the same report
// (so a preview is shown, and saving allowed, only while the form is unchanged).
export function bodyKey(body: ReportBody | CsvBody): string {
  if ('csv' in body) return JSON.stringify(['csv', body.source, body.csv])
  return JSON.stringify([body.licensee, body.programme, body.period, body.lines.map((l) => [l.country, l.figure])])
}

// What was filed, said in the language of `t` and `locale` (recomputed when
// the reader switches language): one sentence per report with its royalty.
export function filedMessage(
  reports: { period: string; total_minor: number; currency: string }[],
  t: (key: string, values: Record<string, string>) => string,
  locale: string,
): string {
  return reports
    .map((r) => t('portal.licensee.filed', { period: r.period, total: formatMoney(r.total_minor, r.currency, locale) }))
    .join(' ')
}
