// The operator's list of an alliance's licensees: each licensee (GET
// /licensees) with the programmes it is licensed under and its agreements
// (GET /agreements) and the royalty reports it filed (GET /royalty-reports).
// A licensee named by an agreement or report but missing from the list is
// still listed, so nothing it did is hidden.
import type { Agreement, RoyaltyReport } from '../api/types'

export interface Licensee {
  name: string
  country: string
  member: string | null // the alliance member it is, if any
}

export interface LicenseeRow {
  name: string
  country: string
  member: string | null
  programmes: string[] // distinct, sorted, from its agreements
  agreements: number
  reports: number // filed and not reversed
  reversed: number // filed, then reversed
  lastPeriod: string // the latest period it reported ('' when none)
}

export function licenseeRows(licensees: Licensee[], agreements: Agreement[], reports: RoyaltyReport[]): LicenseeRow[] {
  const rows = new Map<string, LicenseeRow>()
  const row = (name: string): LicenseeRow => {
    let r = rows.get(name)
    if (!r) {
      r = { name, country: '', member: null, programmes: [], agreements: 0, reports: 0, reversed: 0, lastPeriod: '' }
      rows.set(name, r)
    }
    return r
  }
  for (const l of licensees) Object.assign(row(l.name), { country: l.country, member: l.member ?? null })
  for (const a of agreements) {
    const r = row(a.licensee)
    r.agreements += 1
    if (!r.programmes.includes(a.programme)) r.programmes.push(a.programme)
  }
  for (const p of reports) {
    const r = row(p.licensee)
    if (p.reversed_by_transaction) r.reversed += 1
    else r.reports += 1
    if (p.period > r.lastPeriod) r.lastPeriod = p.period
  }
  for (const r of rows.values()) r.programmes.sort()
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name))
}
