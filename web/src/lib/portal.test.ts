// Whose portal a URL opens, the member's own patents and periods, and exact
// statement totals (portal.ts).
import { describe, expect, it } from 'vitest'
import type { Grant, MemberStatement, PoolView } from '../api/types'
import { ownContributions, ownScopes, portalScope, statementPeriods, statementTotals } from './portal'

const grants: Grant[] = [
  { id: 1, role: 'member', alliance: 'Solar', member: 'Acme' },
  { id: 2, role: 'member', alliance: 'Other', member: 'Zed' },
  { id: 3, role: 'licensee', alliance: 'Solar', licensee: 'BYD Auto' },
  { id: 4, role: 'member', alliance: 'Solar', member: 'Acme' },
]

describe('ownScopes and portalScope', () => {
  it('give only the grants of the alliance and role', () => {
    expect(ownScopes(grants, 'Solar', 'member')).toEqual(['Acme'])
    expect(ownScopes(grants, 'Solar', 'licensee')).toEqual(['BYD Auto'])
    expect(ownScopes(grants, 'Other', 'licensee')).toEqual([])
  })
  it('refuse a member the grants do not give, even one of another alliance', () => {
    const own = ownScopes(grants, 'Solar', 'member')
    expect(portalScope(own, undefined)).toBe('Acme')
    expect(portalScope(own, 'Acme')).toBe('Acme')
    expect(portalScope(own, '清华大学')).toBeNull()
    expect(portalScope(own, 'Zed')).toBeNull()
    expect(portalScope([], undefined)).toBeNull()
  })
})

const pool = (name: string, patents: [string, string][], periods: string[]): PoolView => ({
  pool: name,
  currency: 'USD',
  patents: patents.map(([pn, member]) => ({
    publication_number: pn,
    member,
    contributed_on: '2024-01-01',
    withdrawn_on: '',
    essentiality: 'claimed',
    expires_on: '',
    countries: ['CN'],
  })),
  closed_periods: periods.map((period) => ({
    period,
    method: 'value',
    currency: 'USD',
    closed_at: '',
    gross_minor: 0,
    fee_minor: 0,
    distributable_minor: 0,
    undistributed_minor: 0,
  })),
})

describe('ownContributions and statementPeriods', () => {
  const pools = [pool('PV', [['US2', 'Acme'], ['US1', 'Acme'], ['US3', '清华大学']], ['2025Q1']), pool('B', [['US9', 'Acme']], ['2025Q2', '2025Q1'])]
  it('keep the member own patents only, by pool and number', () => {
    expect(ownContributions(pools, 'Acme').map((c) => `${c.pool}/${c.publication_number}`)).toEqual(['B/US9', 'PV/US1', 'PV/US2'])
    expect(ownContributions(pools, '清华大学').map((c) => c.publication_number)).toEqual(['US3'])
  })
  it('list each closed period once, newest first', () => {
    expect(statementPeriods(pools)).toEqual(['2025Q2', '2025Q1'])
    expect(statementPeriods([])).toEqual([])
  })
})

describe('statementTotals', () => {
  it('adds pools per currency exactly and leaves reversed ones out', () => {
    const s: MemberStatement = {
      member: 'Acme',
      period: '2025Q1',
      pools: [
        { pool: 'A', currency: 'USD', method: 'value', closed_at: '', total_minor: 9007199254740991, countries: [] },
        { pool: 'B', currency: 'USD', method: 'value', closed_at: '', total_minor: 2, countries: [] },
        { pool: 'C', currency: 'CNY', method: 'value', closed_at: '', total_minor: 500, countries: [] },
        { pool: 'D', currency: 'CNY', method: 'value', closed_at: '', total_minor: 700, reversed_by_transaction: 9, countries: [] },
      ],
    }
    expect(statementTotals(s)).toEqual([
      { currency: 'CNY', minor: 500n },
      { currency: 'USD', minor: 9007199254740993n },
    ])
  })
})
