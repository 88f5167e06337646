import { describe, expect, it } from 'vitest'
import { MEMBER_TYPES, elementCharacter, elementCounts } from './memberTypes'

describe('elementCounts', () => {
  it('lists all six types in order with their active and departed members', () => {
    const rows = elementCounts([
      { type: 'industry', left_on: '' },
      { type: 'industry', left_on: '' },
      { type: 'industry', left_on: '2025-01-01' },
      { type: 'finance', left_on: '' },
      { type: 'research', left_on: '2024-06-30' },
      { type: 'unknown', left_on: '' },
    ])
    expect(rows.map((r) => r.character).join('')).toBe('产学研金介用')
    expect(rows.map((r) => [r.code, r.active, r.left])).toEqual([
      ['industry', 2, 1],
      ['university', 0, 0],
      ['research', 0, 1],
      ['finance', 1, 0],
      ['intermediary', 0, 0],
      ['application', 0, 0],
    ])
  })

  it('names the element character of a type', () => {
    expect(elementCharacter('intermediary')).toBe('介')
    expect(elementCharacter('nope')).toBe('')
    expect(MEMBER_TYPES).toHaveLength(6)
  })
})
