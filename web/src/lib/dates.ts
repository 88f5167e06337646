// Dates as the chosen language writes them (zh-CN "2025年3月4日", en
// "Mar 4, 2025"). The API, exports and inputs keep ISO 8601; only what is
// displayed goes through here. A calendar date is formatted as that day
// whatever the browser's time zone; an ISO timestamp in the browser's zone.
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/

// `iso` formatted for `locale`; empty or missing gives '', and a value that is
// not an ISO date or timestamp (a period "2025-Q1", a year) is returned as is.
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  const text = iso.trim()
  const day = DATE_ONLY.exec(text)
  if (day) {
    const when = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
    if (when.getUTCDate() !== Number(day[3])) return text
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(when)
  }
  if (TIMESTAMP.test(text)) {
    const when = new Date(text.replace(' ', 'T'))
    if (Number.isNaN(when.getTime())) return text
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(when)
  }
  return text
}
