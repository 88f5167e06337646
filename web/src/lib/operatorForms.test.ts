// The operator console's forms (operatorForms.ts): what the client refuses
// before sending, and the exact request a valid form becomes.
import { describe, expect, it } from 'vitest'
import {
  buildRequest,
  checkForm,
  initialValues,
  isIsoDate,
  mayOperate,
  parseCountries,
  parseCountryRates,
  parsePublications,
  problemField,
  WRITES,
} from './operatorForms'

describe('parsePublications', () => {
  it('reads one number per line, trimmed, upper-cased, each once', () => {
    expect(parsePublications(' us10000001b2\r\n\nUS 10000002 B2\nUS10000001B2\n')).toEqual(['US10000001B2', 'US10000002B2'])
  })
  it('also splits on commas and semicolons, Chinese ones included', () => {
    expect(parsePublications('CN1234567A，US1;EP2, ')).toEqual(['CN1234567A', 'US1', 'EP2'])
  })
  it('gives nothing for blank text', () => {
    expect(parsePublications(' \n \n')).toEqual([])
  })
})

describe('parseCountries', () => {
  it('splits on blanks and commas and upper-cases', () => {
    expect(parseCountries('cn, us  de，CN')).toEqual(['CN', 'US', 'DE'])
  })
})

describe('isIsoDate', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2025-02-29')).toBe(false)
    expect(isIsoDate('2025-13-01')).toBe(false)
    expect(isIsoDate('2025/01/01')).toBe(false)
    expect(isIsoDate('2025-1-1')).toBe(false)
  })
})

describe('checkForm', () => {
  it('names every missing required field', () => {
    const errors = checkForm(WRITES.contributePatents, initialValues(WRITES.contributePatents), { pool: 'PV' })
    expect(Object.keys(errors).sort()).toEqual(['member', 'publications'])
    expect(errors.member.key).toBe('required')
  })
  it('refuses a date that is not ISO and a country that is not two letters', () => {
    const v = { member: 'Acme', publications: 'US1B2', contributed_on: '01/02/2025', countries: 'CN, USA' }
    const errors = checkForm(WRITES.contributePatents, v, { pool: 'PV' })
    expect(errors.contributed_on.key).toBe('date')
    expect(errors.countries).toEqual({ key: 'country', values: { value: 'USA' } })
  })
  it('refuses a pasted line that is not a publication number', () => {
    const errors = checkForm(WRITES.contributePatents, { member: 'Acme', publications: 'US10000001B2\nhello' }, {})
    expect(errors.publications).toEqual({ key: 'publication', values: { value: 'HELLO' } })
  })
  it('lets territories be worldwide but not a country field', () => {
    const agreement = { licensee: 'L', programme: 'P', territories: 'CN, *', effective_from: '2025-01-01' }
    expect(checkForm(WRITES.addAgreement, agreement, {})).toEqual({})
    expect(checkForm(WRITES.addLicensee, { name: 'L', country: '*' }, {}).country.key).toBe('country')
  })
  it('checks money against the currency it is in', () => {
    const fund = { member: 'Acme', currency: 'CNY', amount: '12.345' }
    expect(checkForm(WRITES.contributeToFund, fund, {}).amount).toEqual({ key: 'money', values: { currency: 'CNY' } })
    expect(checkForm(WRITES.contributeToFund, { ...fund, currency: 'KWD' }, {})).toEqual({})
    expect(checkForm(WRITES.contributeToFund, { ...fund, amount: '-5' }, {}).amount.key).toBe('money')
    expect(checkForm(WRITES.contributeToFund, { ...fund, currency: '' }, {}).amount.key).toBe('currencyFirst')
  })
  it("takes a repayment's currency from the loan chosen", () => {
    const ctx = { loanCurrency: (id: string) => (id === '7' ? 'JPY' : 'CNY') }
    expect(checkForm(WRITES.repayLoan, { loan: '7', principal: '100.5' }, ctx).principal.key).toBe('money')
    expect(checkForm(WRITES.repayLoan, { loan: '8', principal: '100.5' }, ctx)).toEqual({})
  })
})

describe('buildRequest', () => {
  it('sends pasted publications and countries as arrays below the pool', () => {
    const v = { member: 'Acme', publications: 'us10000001b2\nUS10000002B2', countries: 'de, fr', contributed_on: '2025-01-02' }
    expect(buildRequest(WRITES.contributePatents, v, { pool: 'P V' })).toEqual({
      method: 'POST',
      path: '/pools/P%20V/contributions',
      body: { member: 'Acme', contributed_on: '2025-01-02', countries: ['DE', 'FR'], publications: ['US10000001B2', 'US10000002B2'] },
    })
  })
  it('sends money as the exact decimal of its minor units, beyond a double', () => {
    const v = { member: 'Acme', currency: 'cny', amount: '90,071,992,547,409.9', on: '' }
    const req = buildRequest(WRITES.contributeToFund, v, {})
    expect(req.body).toEqual({ member: 'Acme', currency: 'CNY', amount: '90071992547409.90' })
  })
  it('puts path and query fields in the URL, and a DELETE has no body', () => {
    expect(buildRequest(WRITES.withdrawPatent, { publication: 'US1B2', on: '2025-03-01' }, { pool: 'PV' })).toEqual({
      method: 'DELETE',
      path: '/pools/PV/contributions/US1B2?on=2025-03-01',
    })
    expect(buildRequest(WRITES.memberLeaves, { member: '清华大学', left_on: '2025-06-30' }, {})).toEqual({
      method: 'POST',
      path: `/members/${encodeURIComponent('清华大学')}/leave`,
      body: { left_on: '2025-06-30' },
    })
    expect(buildRequest(WRITES.grantLoan, { member: 'A', currency: 'USD', amount: '10', months: '24' }, {}).body).toEqual({
      member: 'A',
      currency: 'USD',
      amount: '10.00',
      months: 24,
    })
  })
  it('sends a checkbox as a boolean and leaves blank optional fields out', () => {
    const v = { ...initialValues(WRITES.addMember), name: 'Lab', type: 'research' }
    expect(buildRequest(WRITES.addMember, v, {}).body).toEqual({ name: 'Lab', type: 'research', trading_centre: false })
  })
})

describe('problemField', () => {
  it('prefers the field the problem names, when it is the form’s', () => {
    expect(problemField(WRITES.addAgreement, {}, { field: 'territories', detail: 'x' })).toBe('territories')
  })
  it('else finds the field whose value the detail quotes', () => {
    const v = { member: 'Acme', publications: 'US10000001B2\nUS99999999B2' }
    expect(problemField(WRITES.contributePatents, v, { detail: "no patent 'US99999999B2' in the store" })).toBe('publications')
    expect(problemField(WRITES.contributePatents, v, { detail: "unknown member 'Acme'" })).toBe('member')
    expect(problemField(WRITES.contributePatents, v, { detail: 'database busy' })).toBe('')
  })
})

describe('mayOperate', () => {
  it('is true for administrators and the alliance’s operators only', () => {
    expect(mayOperate([{ role: 'operator', alliance: 'Solar' }], 'Solar')).toBe(true)
    expect(mayOperate([{ role: 'operator', alliance: 'Wind' }], 'Solar')).toBe(false)
    expect(mayOperate([{ role: 'member', alliance: 'Solar' }, { role: 'licensee', alliance: 'Solar' }], 'Solar')).toBe(false)
    expect(mayOperate([{ role: 'administrator' }], 'Solar')).toBe(true)
  })
})

describe('rates by country in the programme form', () => {
  const spec = WRITES.createProgramme
  const base = { ...initialValues(spec), pool: 'LTE', name: 'LTE 2026', rate: '0.50', currency: 'CNY' }
  it('reads pairs in the usual writings, codes upper-cased', () => {
    expect(parseCountryRates('cn=0.20, US 0.35；de: 1')).toEqual({ rates: { CN: '0.20', US: '0.35', DE: '1' }, bad: '' })
    expect(parseCountryRates('')).toEqual({ rates: {}, bad: '' })
    expect(parseCountryRates('CN=0.20, USA=0.3').bad).toBe('USA=0.3')
    expect(parseCountryRates('CN=-1').bad).toBe('CN=-1')
    expect(parseCountryRates('CN').bad).toBe('CN')
  })
  it('sends them as the API\'s country_rates object of decimal strings, and nothing when left empty', () => {
    const withRates = buildRequest(spec, { ...base, country_rates: 'CN=0.20\nUS=0.35' }, {})
    expect(withRates.body).toMatchObject({ rate: '0.50', country_rates: { CN: '0.20', US: '0.35' } })
    const without = buildRequest(spec, base, {}).body as Record<string, unknown>
    expect(without).not.toHaveProperty('country_rates')
  })
  it('refuses a pair that is not a code with a rate, naming it', () => {
    expect(checkForm(spec, { ...base, country_rates: 'CN=0.20, China=0.3' }, {})).toEqual({
      country_rates: { key: 'countryRate', values: { value: 'China=0.3' } },
    })
  })
})
