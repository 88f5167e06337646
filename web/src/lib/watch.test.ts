// The watch form's request body: only the chosen kind's parameters.
import { describe, expect, it } from 'vitest'
import { splitList, watchBody, type WatchForm } from './watch'

const blank: WatchForm = {
  name: ' W ',
  kind: 'query',
  rate: 'immediate',
  query: ' TAC=battery ',
  applicants: 'BYD, 宁德时代新能源科技股份有限公司',
  classes: 'H01M\nH02J',
  words: '',
  publications: 'US8926509B2；US8927118',
  expiryDays: 0,
  feeDays: 0,
  events: [],
  family: false,
  citing: false,
  portfolioAlliance: 'Alpha',
}

describe('watch form', () => {
  it('splits lists on ASCII and Chinese separators and drops blanks', () => {
    expect(splitList('a, b，c;;d；\n e ')).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
  it('sends only the parameters of its kind', () => {
    expect(watchBody(blank)).toEqual({ name: 'W', kind: 'query', rate: 'immediate', query: 'TAC=battery' })
    expect(watchBody({ ...blank, kind: 'applicant' })).toEqual({
      name: 'W',
      kind: 'applicant',
      rate: 'immediate',
      applicants: ['BYD', '宁德时代新能源科技股份有限公司'],
    })
    expect(watchBody({ ...blank, kind: 'technology' }).classes).toEqual(['H01M', 'H02J'])
    expect(watchBody({ ...blank, kind: 'patents', expiryDays: 90 })).toMatchObject({
      publications: ['US8926509B2', 'US8927118'],
      expiry_days: 90,
    })
    expect(watchBody({ ...blank, kind: 'cites-portfolio' }).portfolio_alliance).toBe('Alpha')
    // A patents watch sends its narrowing options only when set.
    const narrowed = watchBody({ ...blank, kind: 'patents', feeDays: 60, events: ['lapse', 'ownership'], family: true, citing: true })
    expect(narrowed).toMatchObject({ fee_days: 60, events: ['lapse', 'ownership'], family: true, citing: true })
    const plain = watchBody({ ...blank, kind: 'patents' })
    for (const key of ['fee_days', 'events', 'family', 'citing', 'expiry_days']) expect(plain).not.toHaveProperty(key)
    // Other kinds never carry them.
    expect(watchBody({ ...blank, kind: 'query', feeDays: 60, family: true })).not.toHaveProperty('fee_days')
  })
})
