import { describe, expect, it } from 'vitest'
import { formatDate } from './dates'

describe('formatDate', () => {
  it('writes a calendar date the way each language does', () => {
    expect(formatDate('2025-03-04', 'zh-CN')).toBe('2025年3月4日')
    expect(formatDate('2025-03-04', 'en')).toBe('Mar 4, 2025')
  })

  it('keeps the calendar day at the edges of the year whatever the time zone', () => {
    expect(formatDate('2024-12-31', 'en')).toBe('Dec 31, 2024')
    expect(formatDate('2025-01-01', 'zh-CN')).toBe('2025年1月1日')
  })

  it('formats a timestamp with its date and time', () => {
    const text = formatDate('2025-03-04T10:20:00Z', 'en')
    expect(text).toMatch(/2025/)
    expect(text).not.toContain('T10')
    expect(formatDate('2025-03-04T10:20:00Z', 'zh-CN')).toMatch(/^2025年3月\d+日/)
  })

  it('leaves empty values empty and what is not a date as it is', () => {
    expect(formatDate('', 'en')).toBe('')
    expect(formatDate(null, 'en')).toBe('')
    expect(formatDate(undefined, 'zh-CN')).toBe('')
    expect(formatDate('2025-Q1', 'en')).toBe('2025-Q1')
    expect(formatDate('2025-02-30', 'en')).toBe('2025-02-30')
  })
})
