// The legal status answer of GET /api/v1/patents/{pn}/status
// (app/patent_status.h PatentStatusJson) made ready for the patent page: the
// state's tag colour, the events by date with their INPADOC class, and the
// designated states of an EP patent sorted live first.

export type LegalState = 'pending' | 'in_force' | 'lapsed' | 'expired' | 'revoked' | 'withdrawn' | 'refused' | 'unknown'

export interface StatusEvent {
  date: string
  effective_date?: string
  territory: string
  inpadoc_code?: string
  class?: string
  influence?: string
  sources?: { format: string; code: string; text: string }[]
}

export interface PatentStatusAnswer {
  publication_number: string
  country: string
  as_of: string
  state: LegalState
  term_start?: string
  expiry?: string
  ended_on?: string
  next_fee?: { what: string; due: string; grace_ends: string }
  basis?: { rule?: string; notes?: string[]; events?: StatusEvent[] }
  owner?: { current?: string[]; basis?: string; notes?: string[] }
  countries?: { country: string; state: LegalState; ended_on?: string; basis?: string }[]
}

export const LEGAL_STATES: LegalState[] = [
  'pending',
  'in_force',
  'lapsed',
  'expired',
  'revoked',
  'withdrawn',
  'refused',
  'unknown',
]

// Element Plus tag types: live green, pending blue, ended grey, taken away red.
export function stateTagType(state: string): 'success' | 'primary' | 'info' | 'danger' | 'warning' {
  switch (state) {
    case 'in_force':
      return 'success'
    case 'pending':
      return 'primary'
    case 'revoked':
    case 'refused':
      return 'danger'
    case 'unknown':
      return 'warning'
    default:
      return 'info'
  }
}

// The i18n key of a state; an unknown word from a newer server falls back
// to "unknown".
export function stateKey(state: string): string {
  return `legal.state.${(LEGAL_STATES as string[]).includes(state) ? state : 'unknown'}`
}

export interface EventRow {
  date: string
  territory: string
  code: string
  klass: string
  text: string
}

// The events used, newest first, one row each: the INPADOC code when known,
// else the source's own; the first source's text.
export function eventRows(answer: PatentStatusAnswer): EventRow[] {
  const events = answer.basis?.events ?? []
  return events
    .map((e) => {
      const src = e.sources?.[0]
      return {
        date: e.effective_date && e.effective_date !== e.date ? `${e.date} (${e.effective_date})` : e.date,
        territory: e.territory,
        code: e.inpadoc_code ?? src?.code ?? '',
        klass: e.class ? `${e.class}${e.influence ?? ''}` : '',
        text: src?.text ?? '',
      }
    })
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
}

// Designated states: in force first, then by code.
export function countryRows(answer: PatentStatusAnswer) {
  return [...(answer.countries ?? [])].sort((a, b) => {
    const live = Number(b.state === 'in_force') - Number(a.state === 'in_force')
    return live !== 0 ? live : a.country.localeCompare(b.country)
  })
}
