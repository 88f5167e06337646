// The patent page's citations both ways and family, from the links API.
import { describe, expect, it } from 'vitest'
import type { PatentLinks } from '../api/types'
import { citedRows, citingPageQuery, citingPageSize, citingRows, citingShown, familyRows } from './patentLinks'

const brief = (pn: string, date: string, title = 't ' + pn) => ({
  publication_number: pn,
  country: pn.slice(0, 2),
  kind: pn.slice(-2),
  publication_date: date,
  title,
})

const links: PatentLinks = {
  publication_number: 'CN106844774A',
  cites: [
    {
      cited_number: 'US2015112182A1',
      country: 'US',
      doc_number: '2015112182',
      kind: 'A1',
      date: '2015-04-23',
      category: 'X',
      stored: brief('US2015112182A1', '2015-04-23', 'Cathode'),
    },
    { cited_number: 'JP2010123456A', country: 'JP', doc_number: '2010123456', kind: 'A', date: '2010-06', category: '', stored: null },
    { cited_number: '', country: 'KR', doc_number: '1020100001', kind: 'B1', date: '', category: 'Y', stored: null },
  ],
  cited_by_total: 5,
  cited_by: [brief('US10000001B2', '2018-06-01'), brief('US10000002B2', '2018-07-01')],
  family_id: 'F1',
  family: [brief('US2019000001A1', '2019-01-03'), brief('CN106844774A', '2017-05-31'), brief('EP3000000A1', '')],
}

describe('patent links', () => {
  it('links a cited publication only when the store holds it', () => {
    const rows = citedRows(links)
    expect(rows.map((r) => [r.number, r.pn])).toEqual([
      ['US2015112182A1', 'US2015112182A1'],
      ['JP2010123456A', null],
      ['KR1020100001B1', null],
    ])
    expect(rows[0]).toMatchObject({ title: 'Cathode', category: 'X', date: '2015-04-23' })
    expect(rows[1]).toMatchObject({ country: 'JP', kind: 'A', date: '2010-06', title: '' })
  })

  it('lists citing publications, linked, and says which of them the page holds', () => {
    expect(citingRows(links).map((r) => r.pn)).toEqual(['US10000001B2', 'US10000002B2'])
    expect(citingShown(links)).toEqual({ from: 1, to: 2, total: 5 })
    expect(citingShown({ ...links, cited_by_offset: 3 })).toEqual({ from: 4, to: 5, total: 5 })
  })

  it('asks for a page of citing publications by offset', () => {
    expect(citingPageQuery(1)).toBe(`cited_by_limit=${citingPageSize}&cited_by_offset=0`)
    expect(citingPageQuery(5)).toBe(`cited_by_limit=${citingPageSize}&cited_by_offset=${4 * citingPageSize}`)
    expect(citingPageQuery(0)).toBe(`cited_by_limit=${citingPageSize}&cited_by_offset=0`)
  })

  it('orders the family by date, marks the page itself and does not link to it', () => {
    const rows = familyRows(links)
    expect(rows.map((r) => r.number)).toEqual(['CN106844774A', 'US2019000001A1', 'EP3000000A1'])
    expect(rows[0]).toMatchObject({ self: true, pn: null })
    expect(rows[1]).toMatchObject({ self: false, pn: 'US2019000001A1', country: 'US', kind: 'A1' })
  })
})
