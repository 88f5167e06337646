// The screening input: a publication number in its common spellings, or a
// description in any language.
import { describe, expect, it } from 'vitest'
import { classifyInput, isPublicationNumber, percentOf } from './similar'

describe('similar input', () => {
  it('recognises publication numbers', () => {
    for (const pn of ['US10123456B2', 'US 10,123,456 B2', 'CN112345678A', 'EP1234567A1', 'WO2020/123456', 'us7654321'])
      expect(isPublicationNumber(pn), pn).toBe(true)
  })

  it('takes descriptions as text', () => {
    for (const text of ['a battery cell with a cooling plate', '一种电池冷却板', 'US', 'USB charger 2000mAh', 'A1'])
      expect(isPublicationNumber(text), text).toBe(false)
  })

  it('classifies what was pasted', () => {
    expect(classifyInput('  US 10,123,456 B2 ')).toEqual({ kind: 'pn', pn: 'US10,123,456B2' })
    expect(classifyInput(' 锂电池 正极材料 ')).toEqual({ kind: 'text', text: '锂电池 正极材料' })
    expect(classifyInput('   ')).toEqual({ kind: 'empty' })
  })

  it('clamps the score to a percent', () => {
    expect(percentOf(87.4)).toBe(87)
    expect(percentOf(140)).toBe(100)
    expect(percentOf(-3)).toBe(0)
    expect(percentOf(undefined)).toBe(0)
  })
})
