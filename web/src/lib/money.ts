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

// The minor units a typed decimal amount ("1234.5", "1,234.50") stands for
// in `currency`, computed on the digits (never a float); null when the text
// is not a non-negative amount with at most the currency's minor digits.
export function parseMoney(text: string, currency: string): bigint | null {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim().replace(/[,，\s]/g, ''))
  if (!m) return null
  const digits = minorDigits(currency)
  const fraction = m[2] ?? ''
  if (fraction.length > digits) return null
  return BigInt(m[1]) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0')
}

// `minor` units as the plain decimal text the API reads ("1234.50").
export function minorToDecimal(minor: bigint, currency: string): string {
  const negative = minor < 0n
  const units = negative ? -minor : minor
  const digits = minorDigits(currency)
  const scale = 10n ** BigInt(digits)
  const fraction = digits > 0 ? `.${(units % scale).toString().padStart(digits, '0')}` : ''
  return `${negative ? '-' : ''}${(units / scale).toString()}${fraction}`
}
