// Grant forms: which scope each role needs, the request body, the label.
import { describe, expect, it } from 'vitest'
import { grantBody, grantText, scopeFields } from './grants'

describe('grants', () => {
  it('asks each role for its own scope only', () => {
    expect(scopeFields('administrator')).toEqual([])
    expect(scopeFields('analyst')).toEqual([])
    expect(scopeFields('operator')).toEqual(['alliance'])
    expect(scopeFields('member')).toEqual(['alliance', 'member'])
    expect(scopeFields('licensee')).toEqual(['alliance', 'licensee'])
    expect(scopeFields('reviewer')).toEqual(['province'])
  })

  it('builds the body from the needed fields, trimmed, and names what is missing', () => {
    const a = grantBody('member', { alliance: ' Alpha ', member: '', province: 'Beijing' })
    expect(a.body).toEqual({ role: 'member', alliance: 'Alpha' })
    expect(a.missing).toEqual(['member'])
    const b = grantBody('analyst', { alliance: 'Alpha' })
    expect(b.body).toEqual({ role: 'analyst' })
    expect(b.missing).toEqual([])
  })

  it('labels a grant with its scope in order', () => {
    const label = (r: string) => r.toUpperCase()
    expect(grantText({ role: 'member', alliance: 'Alpha', member: 'Acme' }, label)).toBe('MEMBER · Alpha / Acme')
    expect(grantText({ role: 'administrator' }, label)).toBe('ADMINISTRATOR')
  })
})
