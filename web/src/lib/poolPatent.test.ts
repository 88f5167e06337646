import { describe, expect, it } from 'vitest'
import { isoToday, poolPatentState, valueScore } from './poolPatent'

describe('poolPatentState', () => {
  const base = { expires_on: '2040-01-01', lapses: [] as { country: string | null; lapsed_on: string }[] }
  it('is in force before its expiry with no lapse', () => {
    expect(poolPatentState(base, '2025-06-01')).toBe('in_force')
    expect(poolPatentState({ expires_on: '' }, '2025-06-01')).toBe('in_force')
  })
  it('has expired on and after the expiry date', () => {
    expect(poolPatentState(base, '2040-01-01')).toBe('expired')
  })
  it('is lapsed by a lapse everywhere, partly by one in a country, once the date has come', () => {
    const everywhere = { ...base, lapses: [{ country: null, lapsed_on: '2025-03-01' }] }
    expect(poolPatentState(everywhere, '2025-02-28')).toBe('in_force')
    expect(poolPatentState(everywhere, '2025-03-01')).toBe('lapsed')
    const inUs = { ...base, lapses: [{ country: 'US', lapsed_on: '2025-03-01' }] }
    expect(poolPatentState(inUs, '2025-06-01')).toBe('partly_lapsed')
    expect(poolPatentState({ ...inUs, expires_on: '2025-05-01' }, '2025-06-01')).toBe('expired')
  })
})

describe('valueScore', () => {
  it('writes hundredths with two decimals and nothing when never scored', () => {
    expect(valueScore(7125)).toBe('71.25')
    expect(valueScore(5)).toBe('0.05')
    expect(valueScore(10000)).toBe('100.00')
    expect(valueScore(null)).toBe('')
    expect(valueScore(undefined)).toBe('')
  })
  it('writes the whole part and decimal sign as the language does', () => {
    expect(valueScore(7125, 'en')).toBe('71.25')
    expect(valueScore(7125, 'zh-CN')).toBe('71.25')
    expect(valueScore(123456705, 'en')).toBe('1,234,567.05')
    expect(valueScore(123456705, 'de')).toBe('1.234.567,05')
    expect(valueScore(-250, 'en')).toBe('-2.50')
    expect(valueScore(null, 'en')).toBe('')
  })
})

describe('isoToday', () => {
  it('is the local calendar day', () => {
    expect(isoToday(new Date(2025, 0, 9, 23, 30))).toBe('2025-01-09')
  })
})
