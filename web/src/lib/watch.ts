// A watch form's values as the body of POST /api/v1/watches (and /preview):
// only the parameters of the chosen kind, lists split on commas or new lines.
export const WATCH_KINDS = ['query', 'applicant', 'technology', 'patents', 'cites-portfolio'] as const
// The kinds of legal event a patents watch may narrow to (docs/monitoring.md).
export const WATCH_EVENT_KINDS = ['grant', 'lapse', 'revival', 'review', 'ownership', 'licence', 'fee', 'other'] as const
export type WatchKind = (typeof WATCH_KINDS)[number]

export interface WatchForm {
  name: string
  kind: WatchKind
  rate: string
  query: string
  applicants: string
  classes: string
  words: string
  publications: string
  expiryDays: number
  feeDays: number
  events: string[] // empty: every legal event
  family: boolean
  citing: boolean
  portfolioAlliance: string
}

export function splitList(text: string): string[] {
  return text
    .split(/[,，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

export function watchBody(f: WatchForm): Record<string, unknown> {
  const body: Record<string, unknown> = { name: f.name.trim(), kind: f.kind, rate: f.rate }
  switch (f.kind) {
    case 'query':
      body.query = f.query.trim()
      break
    case 'applicant':
      body.applicants = splitList(f.applicants)
      break
    case 'technology':
      body.classes = splitList(f.classes)
      if (f.words.trim()) body.words = f.words.trim()
      break
    case 'patents':
      body.publications = splitList(f.publications)
      if (f.expiryDays > 0) body.expiry_days = f.expiryDays
      if (f.feeDays > 0) body.fee_days = f.feeDays
      if (f.events.length > 0) body.events = [...f.events]
      if (f.family) body.family = true
      if (f.citing) body.citing = true
      break
    case 'cites-portfolio':
      body.portfolio_alliance = f.portfolioAlliance.trim()
      break
  }
  return body
}
