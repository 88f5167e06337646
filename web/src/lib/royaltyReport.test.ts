// The royalty-report form: its request body, the empty fields, and the
// field an API problem belongs to (royaltyReport.ts).
import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../api/client'
import { bodyKey, csvBody, csvLineCount, filedMessage, licenseesOf, missingFields, problemField, programmesOf, reportBody } from './royaltyReport'

describe('reportBody', () => {
  it('trims, upper-cases countries and drops blank lines', () => {
    const body = reportBody('BYD Auto', {
      programme: ' GA ',
      period: '2025Q2 ',
      lines: [
        { country: ' cn', figure: ' 1200 ' },
        { country: '', figure: '' },
        { country: 'us', figure: '8' },
      ],
    })
    expect(body).toEqual({
      licensee: 'BYD Auto',
      programme: 'GA',
      period: '2025Q2',
      source: 'web',
      lines: [
        { country: 'CN', figure: '1200' },
        { country: 'US', figure: '8' },
      ],
    })
  })
  it('names the empty fields in form order', () => {
    expect(missingFields({ programme: '', period: ' ', lines: [{ country: '', figure: '' }] })).toEqual(['programme', 'period', 'lines'])
    expect(missingFields({ programme: 'GA', period: '2025Q1', lines: [{ country: 'CN', figure: '' }] })).toEqual([])
  })
})

describe('problemField', () => {
  const problem = (detail: string, field?: string) => new ApiProblem({ status: 400, detail, field })
  it('prefers the field the API names', () => {
    expect(problemField(problem('whatever', 'period'))).toBe('period')
    expect(problemField(problem('each line needs "country" and "figure" as strings', 'lines'))).toBe('lines')
  })
  it('reads the field from the detail when the API names none', () => {
    expect(problemField(problem("period '2025-13' is not a quarter (2025Q1), a month (2025-03) or a year (2025)"))).toBe('period')
    expect(problemField(problem("royalty line 'CN=1.5': units must be a whole number"))).toBe('lines')
    expect(problemField(problem("unknown programme 'GX'"))).toBe('programme')
    expect(problemField(problem('royalty lines need a licensee, a programme and a period'))).toBe('lines')
  })
  it('gives none for other problems and other errors', () => {
    expect(problemField(problem("unknown licensee 'X'"))).toBeNull()
    expect(problemField(new Error('offline'))).toBeNull()
  })
})

describe('the choices and the preview of the form', () => {
  const agreements = [
    { licensee: 'NIO', programme: 'GB' },
    { licensee: 'BYD Auto', programme: 'GA' },
    { licensee: 'BYD Auto', programme: 'GA' },
    { licensee: 'BYD Auto', programme: 'EV' },
  ]
  it('offers each licensee once, and only the programmes of its own agreements', () => {
    expect(licenseesOf(agreements)).toEqual(['BYD Auto', 'NIO'])
    expect(programmesOf(agreements, 'BYD Auto')).toEqual(['EV', 'GA'])
    expect(programmesOf(agreements, 'NIO')).toEqual(['GB'])
    expect(programmesOf(agreements, 'Nobody')).toEqual([])
  })
  it('asks for a licensee only when none is given', () => {
    const form = { programme: 'GA', period: '2025Q1', lines: [{ country: 'CN', figure: '1' }] }
    expect(missingFields(form)).toEqual([])
    expect(missingFields(form, ' ')).toEqual(['licensee'])
  })
  it('keeps a preview only while the report is the same', () => {
    const form = { programme: 'GA', period: '2025Q2', lines: [{ country: 'cn', figure: '10' }] }
    const key = bodyKey(reportBody('BYD Auto', form))
    expect(bodyKey(reportBody('BYD Auto', { ...form, lines: [{ country: 'CN ', figure: ' 10' }] }))).toBe(key)
    expect(bodyKey(reportBody('BYD Auto', { ...form, lines: [{ country: 'CN', figure: '11' }] }))).not.toBe(key)
    expect(bodyKey(reportBody('BYD Auto', { ...form, period: '2025Q3' }))).not.toBe(key)
    expect(bodyKey(reportBody('NIO', form))).not.toBe(key)
  })

  it('sends an uploaded CSV as it is, named by its file, and keeps its preview only for that text', () => {
    const text = 'licensee,programme,period,country,units\r\nBYD Auto,GA,2025Q4,CN,300\r\n\r\nBYD Auto,GA,2025Q4,US,100\r\n'
    expect(csvBody('q4.csv', text)).toEqual({ csv: text, source: 'q4.csv' })
    expect(csvLineCount(text)).toBe(2)
    expect(csvLineCount('licensee,programme,period,country,units\n')).toBe(0)
    expect(csvLineCount('')).toBe(0)
    const key = bodyKey(csvBody('q4.csv', text))
    expect(bodyKey(csvBody('q4.csv', text.replace('300', '301')))).not.toBe(key)
    expect(bodyKey(csvBody('other.csv', text))).not.toBe(key)
  })

  it('says what was filed in the language asked, each report with its royalty', () => {
    const t = (key: string, v: Record<string, string>) => `${key}:${v.period}=${v.total}`
    const reports = [
      { period: '2025Q2', total_minor: 123456, currency: 'USD' },
      { period: '2025Q3', total_minor: 5, currency: 'JPY' },
    ]
    expect(filedMessage(reports, t, 'en')).toBe('portal.licensee.filed:2025Q2=1,234.56 USD portal.licensee.filed:2025Q3=5 JPY')
    expect(filedMessage([], t, 'en')).toBe('')
  })
})
