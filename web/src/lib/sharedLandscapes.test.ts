import { describe, expect, it } from 'vitest'
import type { Alliance, Grant } from '../api/types'
import { asLandscapeAnswer, mayRemoveShared, shareAlliances, shareBody, sharedReportUrl, type SharedLandscapeReport } from './sharedLandscapes'

const listed = [{ name: 'Solar' }, { name: 'Alpha' }, { name: '光伏联盟' }] as Alliance[]
const g = (role: string, alliance?: string, member?: string): Grant => ({ id: 1, role, alliance, member })

describe('shareAlliances', () => {
  it('offers an operator or analyst the alliance of the grant only', () => {
    expect(shareAlliances([g('operator', 'Solar')], listed)).toEqual(['Solar'])
    expect(shareAlliances([g('analyst', 'Alpha'), g('analyst')], listed)).toEqual(['Alpha'])
  })
  it('offers a member, a licensee and an unscoped analyst nothing', () => {
    expect(shareAlliances([g('member', 'Solar', 'Acme'), g('licensee', 'Solar'), g('analyst')], listed)).toEqual([])
  })
  it('offers an administrator every listed alliance, without repeats', () => {
    expect(shareAlliances([g('administrator'), g('operator', 'Solar')], listed)).toEqual(['Alpha', 'Solar', '光伏联盟'])
  })
})

describe('shareBody', () => {
  it('trims the title, makes an empty query the whole store, names members only when given', () => {
    expect(shareBody('  电池  ', '  ', [])).toEqual({ title: '电池', query: '*' })
    expect(shareBody('t', 'TI=battery', ['Acme'])).toEqual({ title: 't', query: 'TI=battery', members: ['Acme'] })
  })
})

describe('sharedReportUrl', () => {
  it('encodes the alliance and names format and language', () => {
    expect(sharedReportUrl('光伏 联盟', 7, 'xlsx', 'zh')).toBe(
      '/api/v1/alliances/%E5%85%89%E4%BC%8F%20%E8%81%94%E7%9B%9F/landscapes/7?format=xlsx&lang=zh',
    )
  })
})

describe('asLandscapeAnswer', () => {
  it('puts the frozen analyses and presentation where a live answer has them', () => {
    const report = {
      id: 1,
      landscape: { meta: { patents: 3, query: '*', analyses: {} }, trend: [{ year: 2020, count: 3 }] },
      presentation: { sections: [], labels: { en: {}, zh: {} } },
    } as unknown as SharedLandscapeReport
    const a = asLandscapeAnswer(report)
    expect(a.trend).toEqual([{ year: 2020, count: 3 }])
    expect(a.meta.patents).toBe(3)
    expect(a.presentation.sections).toEqual([])
  })
})

describe('mayRemoveShared', () => {
  const report = { shared_by: 'anaS' }
  it('lets the user who shared it and the alliance\'s operator or an administrator remove it', () => {
    expect(mayRemoveShared({ username: 'anaS', grants: [g('analyst', 'Solar')] }, 'Solar', report)).toBe(true)
    expect(mayRemoveShared({ username: 'opS', grants: [g('operator', 'Solar')] }, 'Solar', report)).toBe(true)
    expect(mayRemoveShared({ username: 'root', grants: [g('administrator')] }, 'Solar', report)).toBe(true)
  })
  it('offers nothing to a member, another analyst, another alliance\'s operator or nobody signed in', () => {
    expect(mayRemoveShared({ username: 'memA', grants: [g('member', 'Solar', 'BYD')] }, 'Solar', report)).toBe(false)
    expect(mayRemoveShared({ username: 'anaT', grants: [g('analyst', 'Solar')] }, 'Solar', report)).toBe(false)
    expect(mayRemoveShared({ username: 'opA', grants: [g('operator', 'Alpha')] }, 'Solar', report)).toBe(false)
    expect(mayRemoveShared(null, 'Solar', report)).toBe(false)
  })
})
