// The competitor dashboard's chart data: every month of the window, zeros
// where a competitor published nothing, and the activity bars.
import { describe, expect, it } from 'vitest'
import { activitySeries, monthlySeries, monthsOf, shareOfNew, windowMonths, type CompetitorActivity } from './competitors'

function activity(watch: string, per_month: Record<string, number>, extra: Partial<CompetitorActivity> = {}): CompetitorActivity {
  const publications = Object.values(per_month).reduce((a, b) => a + b, 0)
  return {
    watch,
    applicants: [watch],
    publications,
    publications_before: 0,
    per_month,
    new_countries: [],
    ipc_gained: [],
    citing_pool: 0,
    acquired_count: 0,
    sold_count: 0,
    lapsed_count: 0,
    acquired: [],
    sold: [],
    lapsed: [],
    ...extra,
  }
}

describe('competitor dashboard', () => {
  it('lists every month of the window across a year end', () => {
    expect(monthsOf('2024-11-07', '2025-02-06')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02'])
    expect(monthsOf('2025-03-01', '2025-03-31')).toEqual(['2025-03'])
    expect(monthsOf('2025-04-01', '2025-03-31')).toEqual([])
    expect(monthsOf('', '2025-03-31')).toEqual([])
  })

  it('puts one line per competitor with zeros for quiet months', () => {
    const d = {
      alliance: 'A',
      from: '2024-12-01',
      to: '2025-02-28',
      competitors: [activity('BYD', { '2024-12': 3, '2025-02': 1 }), activity('CATL', {})],
    }
    expect(monthlySeries(d)).toEqual({
      months: ['2024-12', '2025-01', '2025-02'],
      series: [
        { name: 'BYD', data: [3, 0, 1] },
        { name: 'CATL', data: [0, 0, 0] },
      ],
    })
  })

  it('compares the activity counts per competitor', () => {
    const d = {
      alliance: 'A',
      from: '2025-01-01',
      to: '2025-01-31',
      competitors: [
        activity('BYD', { '2025-01': 4 }, { citing_pool: 2, acquired_count: 1 }),
        activity('CATL', { '2025-01': 1 }, { sold_count: 5, lapsed_count: 3 }),
      ],
    }
    const a = activitySeries(d)
    expect(a.names).toEqual(['BYD', 'CATL'])
    expect(a.series.map((s) => [s.key, s.data])).toEqual([
      ['publications', [4, 1]],
      ['citing_pool', [2, 0]],
      ['acquired_count', [1, 0]],
      ['sold_count', [0, 5]],
      ['lapsed_count', [0, 3]],
    ])
  })

  it('gives the window as a share of what came before', () => {
    expect(shareOfNew(activity('X', { '2025-01': 5 }, { publications_before: 20 }))).toBe(25)
    expect(shareOfNew(activity('X', { '2025-01': 5 }))).toBeNull()
  })

  it('takes the window of a link only when the page offers it', () => {
    expect(windowMonths('24')).toBe(24)
    expect(windowMonths('36')).toBe(36)
    expect(windowMonths('7')).toBe(12)
    expect(windowMonths('24abc')).toBe(12)
    expect(windowMonths(undefined)).toBe(12)
    expect(windowMonths(['24'])).toBe(12)
  })
})
