// Money from integer minor units, exact beyond a double, per currency and locale (money.ts).
import { describe, expect, it } from 'vitest'
import { formatMoney, minorDigits } from './money'

describe('formatMoney', () => {
  it('splits minor units into major and minor digits', () => {
    expect(formatMoney(123456, 'CNY', 'en')).toBe('1,234.56 CNY')
    expect(formatMoney(5, 'USD', 'en')).toBe('0.05 USD')
    expect(formatMoney(-1050, 'EUR', 'en')).toBe('-10.50 EUR')
  })
  it('is exact beyond the range of a double', () => {
    expect(formatMoney('9007199254740993', 'CNY', 'en')).toBe('90,071,992,547,409.93 CNY')
    expect(formatMoney(9007199254740993n, 'CNY', 'zh-CN')).toBe('90,071,992,547,409.93 CNY')
  })
  it('knows currencies without or with three minor digits', () => {
    expect(minorDigits('JPY')).toBe(0)
    expect(formatMoney(1500, 'JPY', 'en')).toBe('1,500 JPY')
    expect(formatMoney(1500, 'KWD', 'en')).toBe('1.500 KWD')
  })
  it('uses the locale decimal separator', () => {
    expect(formatMoney(123456, 'EUR', 'de')).toBe('1.234,56 EUR')
  })
})
