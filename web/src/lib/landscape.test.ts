// The landscape request from the form and the words shown per language.
import { describe, expect, it } from 'vitest'
import type { Watch } from '../api/types'
import { landscapeBody, memberNames, reportLanguage, savedQueries, savedQueryBody, sectionText } from './landscape'

describe('landscape request', () => {
  it('reads member names one a line, skipping blanks, comments and repeats', () => {
    expect(memberNames('\uFEFFBYD\r\n\n# comment\n  宁德时代  \nBYD\n')).toEqual(['BYD', '宁德时代'])
    expect(memberNames('Contemporary Amperex Technology Co., Ltd.')).toEqual(['Contemporary Amperex Technology Co., Ltd.'])
  })

  it('asks for the whole store when the query is empty, members only when named', () => {
    expect(landscapeBody('  ', [], 'zh-CN')).toEqual({ query: '*', lang: 'zh' })
    expect(landscapeBody('TAC=battery', ['BYD'], 'en')).toEqual({ query: 'TAC=battery', members: ['BYD'], lang: 'en' })
  })

  it('picks the report language from the UI locale', () => {
    expect(reportLanguage('zh-CN')).toBe('zh')
    expect(reportLanguage('en')).toBe('en')
  })

  it('shows a section in the chosen language, English when Chinese is missing', () => {
    const s = {
      name: 'trend',
      title_en: 'Filing trend',
      title_zh: '申请趋势',
      definition_en: 'Counted by year.',
      definition_zh: '',
      reading_en: 'Filings grew.',
      reading_zh: '申请量增长。',
    }
    expect(sectionText(s, 'zh-CN')).toEqual({ title: '申请趋势', definition: 'Counted by year.', reading: '申请量增长。' })
    expect(sectionText(s, 'en')).toEqual({ title: 'Filing trend', definition: 'Counted by year.', reading: 'Filings grew.' })
  })

  it('offers the query watches as saved queries, by name', () => {
    const w = (name: string, kind: string, params: Record<string, unknown>, id = 1): Watch => ({
      id,
      name,
      kind,
      rate: 'daily',
      alliance: '',
      notify_empty: false,
      active: true,
      params,
      created_at: '',
    })
    expect(
      savedQueries([
        w('电池', 'query', { query: 'TAC=battery' }, 7),
        w('BYD', 'applicant', { applicants: ['BYD'] }, 8),
        w('Empty', 'query', { query: ' ' }, 9),
        w('Anodes', 'query', { query: 'TAC=anode' }, 10),
      ]),
    ).toEqual([
      { id: 10, name: 'Anodes', query: 'TAC=anode' },
      { id: 7, name: '电池', query: 'TAC=battery' },
    ])
  })

  it('saves a query as a query watch saved only, which sends no alerts', () => {
    expect(savedQueryBody('  电池 ', ' TAC=battery AND PD>=2018 ')).toEqual({
      name: '电池',
      kind: 'query',
      query: 'TAC=battery AND PD>=2018',
      active: false,
    })
  })
})
