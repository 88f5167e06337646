// Numbers as the chosen language writes them (en "12,345", zh-CN "12,345";
// percentages en "12.5%", zh-CN "12.5%"), through Intl.NumberFormat with the
// UI locale. Money does not come here: it is integer minor units with a
// currency (money.ts, MoneyAmount.vue). A value that is not a finite number
// (null, undefined, NaN, a string that is not one) is shown as given, or ''.
export function formatNumber(
  value: number | string | null | undefined,
  locale: string,
  options: { maximumFractionDigits?: number; minimumFractionDigits?: number } = {},
): string {
  if (value === null || value === undefined || value === '') return ''
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n)) return String(value)
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...options }).format(n)
}

// A fraction in [0, 1] (as the API gives shares) as a percentage with at
// most `digits` decimals: 0.125 → "12.5%".
export function formatPercent(fraction: number | null | undefined, locale: string, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return ''
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction)
}
