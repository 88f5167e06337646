// Money from integer minor units, exact beyond a double, per currency and locale (money.ts).
import { describe, expect, it } from 'vitest'
import { formatMoney, minorDigits, minorToDecimal, parseMoney } from './money'

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

describe('parseMoney and minorToDecimal', () => {
  it('reads a typed decimal as exact minor units', () => {
    expect(parseMoney('1234.5', 'CNY')).toBe(123450n)
    expect(parseMoney(' 1,234.56 ', 'USD')).toBe(123456n)
    expect(parseMoney('0.07', 'EUR')).toBe(7n)
    expect(parseMoney('12', 'JPY')).toBe(12n)
    expect(parseMoney('1.5', 'KWD')).toBe(1500n)
    expect(parseMoney('9007199254740993.01', 'CNY')).toBe(900719925474099301n)
  })
  it('refuses more decimals than the currency has, signs and words', () => {
    expect(parseMoney('1.234', 'CNY')).toBeNull()
    expect(parseMoney('1.5', 'JPY')).toBeNull()
    expect(parseMoney('-1', 'CNY')).toBeNull()
    expect(parseMoney('1e3', 'CNY')).toBeNull()
    expect(parseMoney('', 'CNY')).toBeNull()
  })
  it('writes minor units back as the decimal the API reads', () => {
    expect(minorToDecimal(123450n, 'CNY')).toBe('1234.50')
    expect(minorToDecimal(5n, 'USD')).toBe('0.05')
    expect(minorToDecimal(1500n, 'JPY')).toBe('1500')
    expect(minorToDecimal(-1500n, 'KWD')).toBe('-1.500')
    expect(minorToDecimal(900719925474099301n, 'CNY')).toBe('9007199254740993.01')
  })
})
