// Numbers and dates in the chosen UI language for a screen: the formatters
// of numbers.ts and dates.ts bound to the current locale (they follow a
// language switch), and el-table column formatters built on them.
import { useI18n } from 'vue-i18n'
import { formatDate } from './dates'
import { formatNumber, formatPercent } from './numbers'

export function useFormat() {
  const { locale } = useI18n()
  const fmtDate = (iso: string | null | undefined) => formatDate(iso, locale.value)
  const fmtNumber = (n: number | string | null | undefined, options?: Parameters<typeof formatNumber>[2]) =>
    formatNumber(n, locale.value, options)
  const fmtPercent = (f: number | null | undefined, digits?: number) => formatPercent(f, locale.value, digits)
  // el-table-column :formatter="dateCell" (row, column, cell value).
  const dateCell = (_row: unknown, _column: unknown, value: string | null | undefined) => fmtDate(value)
  const numberCell = (_row: unknown, _column: unknown, value: number | string | null | undefined) => fmtNumber(value)
  return { fmtDate, fmtNumber, fmtPercent, dateCell, numberCell }
}
