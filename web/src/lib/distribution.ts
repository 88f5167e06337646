// A distribution plan of POST /alliances/{a}/distributions as rows for the
// operator console: each member's share, largest first, and the sum of the
// shares in exact minor units.
export interface DistributionPlan {
  pool: string
  period: string
  method: string
  currency: string
  closed: boolean
  gross_minor: number
  fee_minor: number
  distributable_minor: number
  undistributed_minor: number
  members: Record<string, number>
  excluded?: unknown[]
  distribution_id?: number
  ledger_transaction?: number
}

export interface ShareRow {
  member: string
  minor: number
}

// The members' shares, largest first (ties by name).
export function shareRows(plan: Pick<DistributionPlan, 'members'>): ShareRow[] {
  return Object.entries(plan.members)
    .map(([member, minor]) => ({ member, minor }))
    .sort((a, b) => b.minor - a.minor || a.member.localeCompare(b.member))
}

// What the shares add up to (BigInt: exact whatever the amounts).
export function sharesTotal(plan: Pick<DistributionPlan, 'members'>): bigint {
  return Object.values(plan.members).reduce((sum, m) => sum + BigInt(m), 0n)
}
