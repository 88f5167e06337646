// The patent page's legal status: state colours and labels, events newest
// first with the INPADOC code preferred, EP states live first.
import { describe, expect, it } from 'vitest'
import { countryRows, eventRows, stateKey, stateTagType, type PatentStatusAnswer } from './legalStatus'

const answer: PatentStatusAnswer = {
  publication_number: 'EP2400812B1',
  country: 'EP',
  as_of: '2026-12-06',
  state: 'in_force',
  basis: {
    events: [
      { date: '2014-05-02', territory: 'EP', inpadoc_code: 'GRAA', class: 'F', influence: '+', sources: [{ format: 'epo-ops', code: 'GRAA', text: '(expected) grant' }] },
      { date: '2020-07-31', effective_date: '2020-06-30', territory: 'FR', class: 'H', influence: '-', sources: [{ format: 'epo-ops', code: 'PG25', text: 'Lapsed in a contracting state' }] },
      { date: '2016-01-01', territory: 'US', sources: [{ format: 'uspto-maintfee', code: 'M1551', text: 'Payment of Maintenance Fee, 4th Year' }] },
    ],
  },
  countries: [
    { country: 'FR', state: 'lapsed', ended_on: '2020-06-30' },
    { country: 'SE', state: 'in_force' },
    { country: 'DE', state: 'in_force' },
  ],
}

describe('legal status', () => {
  it('colours live, pending, ended and taken-away rights differently', () => {
    expect(stateTagType('in_force')).toBe('success')
    expect(stateTagType('pending')).toBe('primary')
    expect(stateTagType('lapsed')).toBe('info')
    expect(stateTagType('expired')).toBe('info')
    expect(stateTagType('revoked')).toBe('danger')
    expect(stateTagType('refused')).toBe('danger')
  })

  it('labels every known state by its key and an unknown word as unknown', () => {
    expect(stateKey('in_force')).toBe('legal.state.in_force')
    expect(stateKey('withdrawn')).toBe('legal.state.withdrawn')
    expect(stateKey('dormant')).toBe('legal.state.unknown')
  })

  it('lists events newest first, the INPADOC code before the source code, the effective date beside the date', () => {
    const rows = eventRows(answer)
    expect(rows.map((r) => r.code)).toEqual(['PG25', 'M1551', 'GRAA'])
    expect(rows[0]).toEqual({ date: '2020-07-31 (2020-06-30)', territory: 'FR', code: 'PG25', klass: 'H-', text: 'Lapsed in a contracting state' })
    expect(rows[1].code).toBe('M1551')
    expect(rows[1].klass).toBe('')
    expect(rows[2]).toMatchObject({ code: 'GRAA', klass: 'F+' })
  })

  it('puts the designated states in force first, then by code', () => {
    expect(countryRows(answer).map((c) => c.country)).toEqual(['DE', 'SE', 'FR'])
  })

  it('copes with an answer without basis or countries', () => {
    expect(eventRows({ publication_number: 'US1', country: 'US', as_of: '2026-01-01', state: 'unknown' })).toEqual([])
    expect(countryRows({ publication_number: 'US1', country: 'US', as_of: '2026-01-01', state: 'unknown' })).toEqual([])
  })
})
