// Facet conditions and how they narrow a query (query.ts).
import { describe, expect, it } from 'vitest'
import { addFacet, facetCondition } from './query'

describe('facet conditions', () => {
  it('quote applicants and keep codes bare', () => {
    expect(facetCondition('applicants', 'MIIL TELECOM')).toBe('PA="MIIL TELECOM"')
    expect(facetCondition('countries', 'CN')).toBe('CC=CN')
    expect(facetCondition('ipc_subclasses', 'H01M')).toBe('IPC=H01M')
    expect(facetCondition('years', '2020')).toBe('PD=2020')
  })
  it('drop quotes inside an applicant name', () => {
    expect(facetCondition('applicants', 'A "B" C')).toBe('PA="A B C"')
  })
})

describe('addFacet', () => {
  it('starts a query when there is none', () => {
    expect(addFacet('  ', 'countries', 'US')).toBe('CC=US')
  })
  it('ANDs the condition to the query', () => {
    expect(addFacet('TAC=battery', 'years', '2021')).toBe('TAC=battery AND PD=2021')
  })
  it('parenthesises a query with OR so the filter applies to all of it', () => {
    expect(addFacet('TI=a OR TI=b', 'countries', 'CN')).toBe('(TI=a OR TI=b) AND CC=CN')
  })
  it('does not add the same condition twice', () => {
    expect(addFacet('TI=a AND CC=CN', 'countries', 'CN')).toBe('TI=a AND CC=CN')
  })
})
