// What the member and licensee portals show, from the caller's grants and
// the API's answers: whose portal it is (only the caller's own member or
// licensee, never one named in the URL that the grants do not give), the
// member's own contributions, the periods that have statements, and a
// statement's totals per currency.
import type { ClosedPeriod, Grant, MemberStatement, PoolView } from '../api/types'

export type PortalRole = 'member' | 'licensee'

// The members (or licensees) the grants give the caller in `alliance`, in
// grant order, without repeats.
export function ownScopes(grants: Grant[], alliance: string, role: PortalRole): string[] {
  const names = grants.filter((g) => g.role === role && g.alliance === alliance).map((g) => g[role] ?? '')
  return [...new Set(names.filter((n) => n.length > 0))]
}

// Whose portal a URL opens: the one asked for when it is the caller's own,
// the first own one when none is asked for; null when the URL names one the
// caller does not hold (the screen then shows nothing of it).
export function portalScope(own: string[], requested: string | undefined): string | null {
  if (requested) return own.includes(requested) ? requested : null
  return own[0] ?? null
}

export interface OwnContribution {
  pool: string
  publication_number: string
  contributed_on: string
  withdrawn_on: string
  essentiality: string
  countries: string[]
}

// The member's own patents in the pools, by pool then publication number.
export function ownContributions(pools: PoolView[], member: string): OwnContribution[] {
  const rows: OwnContribution[] = []
  for (const p of pools)
    for (const c of p.patents)
      if (c.member === member)
        rows.push({
          pool: p.pool,
          publication_number: c.publication_number,
          contributed_on: c.contributed_on,
          withdrawn_on: c.withdrawn_on,
          essentiality: c.essentiality,
          countries: c.countries,
        })
  return rows.sort((a, b) => a.pool.localeCompare(b.pool) || a.publication_number.localeCompare(b.publication_number))
}

// The closed periods of the pools, newest first, each once.
export function statementPeriods(pools: { closed_periods: Pick<ClosedPeriod, 'period'>[] }[]): string[] {
  const all = new Set(pools.flatMap((p) => p.closed_periods.map((c) => c.period)))
  return [...all].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
}

// A statement's total per currency in minor units (exact: BigInt), over the
// pools that were not reversed.
export function statementTotals(s: MemberStatement): { currency: string; minor: bigint }[] {
  const totals = new Map<string, bigint>()
  for (const p of s.pools) {
    if (p.reversed_by_transaction) continue
    totals.set(p.currency, (totals.get(p.currency) ?? 0n) + BigInt(p.total_minor))
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }))
}
