// The competitor dashboard (GET /alliances/{name}/competitors) as the page
// shows it: every month of the window on the x axis (months without
// publications at 0, as the workbook has them), one line per competitor, and
// one summary row per competitor.
export interface CompetitorMove {
  patent: string
  date: string
  counterparty: string
}

export interface CompetitorActivity {
  watch: string
  applicants: string[]
  publications: number
  publications_before: number
  per_month: Record<string, number>
  new_countries: string[]
  ipc_gained: string[]
  citing_pool: number
  acquired_count: number
  sold_count: number
  lapsed_count: number
  acquired: CompetitorMove[]
  sold: CompetitorMove[]
  lapsed: CompetitorMove[]
}

export interface CompetitorDashboard {
  alliance: string
  from: string
  to: string
  competitors: CompetitorActivity[]
}

// "YYYY-MM" of every month from `from` to `to` (ISO dates), in order; none
// when either is not a date or from is after to.
export function monthsOf(from: string, to: string): string[] {
  const a = /^(\d{4})-(\d{2})/.exec(from)
  const b = /^(\d{4})-(\d{2})/.exec(to)
  if (!a || !b) return []
  const out: string[] = []
  let y = Number(a[1])
  let m = Number(a[2])
  const end = Number(b[1]) * 12 + Number(b[2])
  while (y * 12 + m <= end && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    if (++m > 12) {
      m = 1
      ++y
    }
  }
  return out
}

export interface MonthlySeries {
  months: string[]
  series: { name: string; data: number[] }[]
}

export function monthlySeries(d: CompetitorDashboard): MonthlySeries {
  const months = monthsOf(d.from, d.to)
  return {
    months,
    series: d.competitors.map((c) => ({ name: c.watch, data: months.map((m) => c.per_month[m] ?? 0) })),
  }
}

// The activity counts the bar chart compares, per competitor, in this order.
export const activityKeys = ['publications', 'citing_pool', 'acquired_count', 'sold_count', 'lapsed_count'] as const
export type ActivityKey = (typeof activityKeys)[number]

export function activitySeries(d: CompetitorDashboard): { names: string[]; series: { key: ActivityKey; data: number[] }[] } {
  return {
    names: d.competitors.map((c) => c.watch),
    series: activityKeys.map((key) => ({ key, data: d.competitors.map((c) => c[key]) })),
  }
}

// Growth of the window against the publications before it, as a whole
// percent of the earlier total; null when nothing came before.
export function shareOfNew(c: CompetitorActivity): number | null {
  if (!c.publications_before) return null
  return Math.round((100 * c.publications) / c.publications_before)
}

// The windows the page offers, in months.
export const windowChoices = [3, 6, 12, 24, 36] as const

// The window a link asks for (?months=): one of the choices, else 12.
export function windowMonths(value: unknown): number {
  const n = Number(typeof value === 'string' ? value : NaN)
  return (windowChoices as readonly number[]).includes(n) ? n : 12
}
