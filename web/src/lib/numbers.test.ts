import { describe, expect, it } from 'vitest'
import { formatNumber, formatPercent } from './numbers'

describe('formatNumber', () => {
  it('groups thousands as each language does', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345')
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567')
    expect(formatNumber(12345, 'de')).toBe('12.345')
  })
  it('keeps up to two decimals by default, or as asked', () => {
    expect(formatNumber(3.14159, 'en')).toBe('3.14')
    expect(formatNumber(2, 'en', { minimumFractionDigits: 1 })).toBe('2.0')
    expect(formatNumber(0.5, 'de')).toBe('0,5')
  })
  it('reads numeric strings and leaves anything else as given', () => {
    expect(formatNumber('4096', 'en')).toBe('4,096')
    expect(formatNumber('n/a', 'en')).toBe('n/a')
    expect(formatNumber(null, 'en')).toBe('')
    expect(formatNumber(undefined, 'zh-CN')).toBe('')
    expect(formatNumber(Number.NaN, 'en')).toBe('NaN')
  })
})

describe('formatPercent', () => {
  it('writes a fraction as a percentage', () => {
    expect(formatPercent(0.125, 'en')).toBe('12.5%')
    expect(formatPercent(0.125, 'zh-CN')).toBe('12.5%')
    expect(formatPercent(0.5, 'de')).toMatch(/^50\s%$/)
    expect(formatPercent(1 / 3, 'en', 2)).toBe('33.33%')
  })
  it('is empty for a missing value', () => {
    expect(formatPercent(null, 'en')).toBe('')
    expect(formatPercent(Number.POSITIVE_INFINITY, 'en')).toBe('')
  })
})
