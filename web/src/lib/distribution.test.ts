// A distribution plan as rows and their exact sum (distribution.ts).
import { describe, expect, it } from 'vitest'
import { shareRows, sharesTotal } from './distribution'

describe('shareRows and sharesTotal', () => {
  it('order members by share, then name, and add them exactly', () => {
    const plan = { members: { 清华大学: 150, Acme: 300, Beta: 150 } }
    expect(shareRows(plan)).toEqual([
      { member: 'Acme', minor: 300 },
      { member: 'Beta', minor: 150 },
      { member: '清华大学', minor: 150 },
    ])
    expect(sharesTotal(plan)).toBe(600n)
    expect(sharesTotal({ members: { a: 9007199254740991, b: 2 } })).toBe(9007199254740993n)
    expect(shareRows({ members: {} })).toEqual([])
  })
})
