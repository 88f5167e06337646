import { describe, expect, it } from 'vitest'
import type { Agreement, RoyaltyReport } from '../api/types'
import { licenseeRows } from './licensees'

function agreement(licensee: string, programme: string): Agreement {
  return { id: 1, licensee, programme, pool: 'PV', territories: '*', effective_from: '2024-01-01', effective_to: null }
}
function report(licensee: string, period: string, reversed: number | null = null): RoyaltyReport {
  return {
    id: 1, licensee, programme: 'GA', pool: 'PV', period, source: 'csv', currency: 'CNY', lines: 1,
    total_minor: 100, capped: false, reversed_by_transaction: reversed, reported_at: '2025-01-01T00:00:00Z',
  }
}

describe('licenseeRows', () => {
  it('counts each licensee’s agreements, programmes and filed reports', () => {
    const rows = licenseeRows(
      [
        { name: 'Volt', country: 'DE', member: null },
        { name: 'BYD Auto', country: 'CN', member: 'BYD' },
        { name: 'Idle', country: 'US', member: null },
      ],
      [agreement('Volt', 'GB'), agreement('Volt', 'GA'), agreement('BYD Auto', 'GA'), agreement('Volt', 'GA')],
      [report('Volt', '2025Q1'), report('Volt', '2025Q3'), report('Volt', '2025Q2', 42), report('BYD Auto', '2024Q4')],
    )
    expect(rows.map((r) => r.name)).toEqual(['BYD Auto', 'Idle', 'Volt'])
    const [byd, idle, volt] = rows
    expect(volt).toEqual({
      name: 'Volt', country: 'DE', member: null, programmes: ['GA', 'GB'], agreements: 3, reports: 2, reversed: 1, lastPeriod: '2025Q3',
    })
    expect(byd.member).toBe('BYD')
    expect(byd.reports).toBe(1)
    expect(idle).toMatchObject({ programmes: [], agreements: 0, reports: 0, lastPeriod: '' })
  })

  it('still lists a licensee known only from its agreements or reports', () => {
    const rows = licenseeRows([], [agreement('Ghost', 'GA')], [report('Ghost', '2025Q1')])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ name: 'Ghost', agreements: 1, reports: 1 })
  })
})
