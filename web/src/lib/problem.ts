// A failed call as a sentence for the user: the API's detail, and the field
// it names, in the chosen language.
import { ApiProblem } from '../api/client'

type Translate = (key: string, values?: Record<string, unknown>) => string

export function problemMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiProblem) {
    const p = error.problem
    const detail = p.detail || p.title || t('error.http', { status: p.status })
    return p.field ? t('error.withField', { field: p.field, detail }) : detail
  }
  if (error instanceof Error && error.message) return t('error.network', { detail: error.message })
  return t('error.unknown')
}

// The column (1-based) a query error points at ("... at column 5 ..."), or 0.
export function errorColumn(detail: string | undefined): number {
  const m = /column (\d+)/.exec(detail || '')
  return m ? Number(m[1]) : 0
}
