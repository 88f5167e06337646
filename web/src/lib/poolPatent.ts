// The standing of a pool patent on a day, from what the pool view gives: its
// statutory expiry and the lapses recorded for it (RecordLapse). A lapse
// everywhere or the expiry ends it; a lapse in some countries ends it there.
import type { Contribution } from '../api/types'

export type PoolPatentState = 'in_force' | 'expired' | 'lapsed' | 'partly_lapsed'

// `today` is an ISO date; lapses and expiry after it do not count yet.
export function poolPatentState(c: Pick<Contribution, 'expires_on' | 'lapses'>, today: string): PoolPatentState {
  const past = (c.lapses ?? []).filter((l) => l.lapsed_on <= today)
  if (past.some((l) => !l.country)) return 'lapsed'
  if (c.expires_on && c.expires_on <= today) return 'expired'
  if (past.length > 0) return 'partly_lapsed'
  return 'in_force'
}

// The value score as the API keeps it (hundredths) written with two decimals
// ("71.25"), with the whole part and the decimal sign as `locale` writes them
// when one is given; '' when never scored. No float arithmetic on the integer.
export function valueScore(centi: number | null | undefined, locale?: string): string {
  if (centi === null || centi === undefined) return ''
  const n = Math.trunc(centi)
  const sign = n < 0 ? '-' : ''
  const abs = Math.abs(n)
  const whole = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  if (!locale) return `${sign}${whole}.${cents}`
  const format = new Intl.NumberFormat(locale)
  const point = format.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  return `${sign}${format.format(whole)}${point}${cents}`
}

// Today as an ISO date in the browser's time zone.
export function isoToday(now: Date = new Date()): string {
  const pad = (x: number) => String(x).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
