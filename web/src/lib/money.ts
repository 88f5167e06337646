// Money as the API gives it: an integer count of minor units and an ISO 4217
// currency. Formatting never goes through a float: the integer is split into
// major and minor digits as a string (or a BigInt).
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, TND: 3 }

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2
}

// "1,234.56" style digits of `minor` units (a number that is an integer, a
// bigint or a string of digits), grouped for `locale`.
export function formatMoney(minor: number | bigint | string, currency: string, locale: string): string {
  let units = typeof minor === 'bigint' ? minor : BigInt(typeof minor === 'number' ? Math.trunc(minor) : minor.trim())
  const negative = units < 0n
  if (negative) units = -units
  const digits = minorDigits(currency)
  const scale = 10n ** BigInt(digits)
  const major = units / scale
  const fraction = (units % scale).toString().padStart(digits, '0')
  const group = new Intl.NumberFormat(locale, { useGrouping: true })
  const parts = group.formatToParts(12345.6)
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.'
  const majorText = group.format(major)
  const amount = digits > 0 ? `${majorText}${decimal}${fraction}` : majorText
  return `${negative ? '-' : ''}${amount} ${currency.toUpperCase()}`
}
