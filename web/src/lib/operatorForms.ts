// The operator console's writes (src/server/routes_alliances.cc) as form
// specifications: each write's fields, what the client checks before
// sending (required, ISO dates, country codes, money in the currency's
// minor digits, publication numbers), and the request it becomes. A field's
// `name` is the API's name for it, so a problem+json naming a field points
// at the form's control. Money is typed as a decimal and sent as the exact
// decimal of its integer minor units (money.ts), never through a float.
import { minorToDecimal, parseMoney } from './money'

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'select'
  | 'money'
  | 'decimal'
  | 'integer'
  | 'country'
  | 'countries'
  | 'territories'
  | 'countryRates'
  | 'publications'
  | 'currency'
  | 'boolean'

// Where a select's choices come from: lists the console has loaded, or
// fixed codes of the API.
export type ChoiceSource =
  | 'members'
  | 'pools'
  | 'programmes'
  | 'licensees'
  | 'loans'
  | 'patents'
  | 'memberTypes'
  | 'essentiality'
  | 'bases'

export interface FieldSpec {
  name: string
  kind: FieldKind
  required?: boolean
  choices?: ChoiceSource
  // 'path' and 'query' fields are in the URL, not the body.
  in?: 'path' | 'query'
}

export type Values = Record<string, string | boolean>

// What the console knows when a form is open: the pool it is about and
// the currencies of money fields that have no currency field of their own.
export interface WriteContext {
  pool?: string
  poolCurrency?: string
  loanCurrency?: (loan: string) => string
}

export type WriteId =
  | 'addMember'
  | 'memberLeaves'
  | 'addExpert'
  | 'createPool'
  | 'contributePatents'
  | 'withdrawPatent'
  | 'setEssentiality'
  | 'rescorePool'
  | 'recordLapse'
  | 'createProgramme'
  | 'addLicensee'
  | 'addAgreement'
  | 'contributeToFund'
  | 'grantLoan'
  | 'repayLoan'
  | 'reverseTransaction'

export interface WriteSpec {
  id: WriteId
  method: 'POST' | 'PUT' | 'DELETE'
  fields: FieldSpec[]
  // The path below /alliances/{alliance}, from the values and the context.
  path: (v: Values, ctx: WriteContext) => string
  // Asks for confirmation before sending (it ends or undoes something).
  destructive?: boolean
  // The currency a money field is in.
  currency?: (v: Values, ctx: WriteContext) => string
  defaults?: Values
}

const e = encodeURIComponent
const poolPath = (ctx: WriteContext) => `/pools/${e(ctx.pool ?? '')}`

export const WRITES: Record<WriteId, WriteSpec> = {
  addMember: {
    id: 'addMember',
    method: 'POST',
    path: () => '/members',
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'type', kind: 'select', required: true, choices: 'memberTypes' },
      { name: 'joined_on', kind: 'date' },
      { name: 'contact', kind: 'text' },
      { name: 'trading_centre', kind: 'boolean' },
    ],
  },
  memberLeaves: {
    id: 'memberLeaves',
    method: 'POST',
    destructive: true,
    path: (v) => `/members/${e(String(v.member))}/leave`,
    fields: [
      { name: 'member', kind: 'select', required: true, choices: 'members', in: 'path' },
      { name: 'left_on', kind: 'date', required: true },
    ],
  },
  addExpert: {
    id: 'addExpert',
    method: 'POST',
    path: () => '/experts',
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'member', kind: 'select', choices: 'members' },
      { name: 'field', kind: 'text' },
      { name: 'inventor', kind: 'text' },
      { name: 'contact', kind: 'text' },
    ],
  },
  createPool: {
    id: 'createPool',
    method: 'POST',
    path: () => '/pools',
    defaults: { currency: 'CNY', fee: '0' },
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'currency', kind: 'currency', required: true },
      { name: 'fee', kind: 'decimal' },
      { name: 'scope', kind: 'text' },
      { name: 'standard', kind: 'text' },
      { name: 'clauses', kind: 'textarea' },
    ],
  },
  contributePatents: {
    id: 'contributePatents',
    method: 'POST',
    path: (_, ctx) => `${poolPath(ctx)}/contributions`,
    fields: [
      { name: 'member', kind: 'select', required: true, choices: 'members' },
      { name: 'contributed_on', kind: 'date' },
      { name: 'countries', kind: 'countries' },
      { name: 'publications', kind: 'publications', required: true },
    ],
  },
  withdrawPatent: {
    id: 'withdrawPatent',
    method: 'DELETE',
    destructive: true,
    path: (v, ctx) => `${poolPath(ctx)}/contributions/${e(String(v.publication))}`,
    fields: [
      { name: 'publication', kind: 'select', required: true, choices: 'patents', in: 'path' },
      { name: 'on', kind: 'date', in: 'query' },
    ],
  },
  setEssentiality: {
    id: 'setEssentiality',
    method: 'PUT',
    path: (v, ctx) => `${poolPath(ctx)}/contributions/${e(String(v.publication))}/essentiality`,
    fields: [
      { name: 'publication', kind: 'select', required: true, choices: 'patents', in: 'path' },
      { name: 'status', kind: 'select', required: true, choices: 'essentiality' },
      { name: 'decided_on', kind: 'date' },
      { name: 'evaluator', kind: 'text' },
      { name: 'note', kind: 'textarea' },
    ],
  },
  rescorePool: {
    id: 'rescorePool',
    method: 'POST',
    path: (_, ctx) => `${poolPath(ctx)}/rescore`,
    fields: [{ name: 'as_of', kind: 'date' }],
  },
  recordLapse: {
    id: 'recordLapse',
    method: 'POST',
    path: () => '/lapses',
    fields: [
      { name: 'publication', kind: 'select', required: true, choices: 'patents' },
      { name: 'country', kind: 'country' },
      { name: 'lapsed_on', kind: 'date', required: true },
    ],
  },
  createProgramme: {
    id: 'createProgramme',
    method: 'POST',
    path: () => '/programmes',
    defaults: { basis: 'per-unit' },
    fields: [
      { name: 'pool', kind: 'select', required: true, choices: 'pools' },
      { name: 'name', kind: 'text', required: true },
      { name: 'basis', kind: 'select', choices: 'bases' },
      { name: 'rate', kind: 'decimal', required: true },
      { name: 'member_rate', kind: 'decimal' },
      { name: 'cap', kind: 'decimal' },
      { name: 'currency', kind: 'currency' },
      { name: 'country_rates', kind: 'countryRates' },
    ],
  },
  addLicensee: {
    id: 'addLicensee',
    method: 'POST',
    path: () => '/licensees',
    fields: [
      { name: 'name', kind: 'text', required: true },
      { name: 'country', kind: 'country' },
      { name: 'member', kind: 'select', choices: 'members' },
    ],
  },
  addAgreement: {
    id: 'addAgreement',
    method: 'POST',
    path: () => '/agreements',
    fields: [
      { name: 'licensee', kind: 'select', required: true, choices: 'licensees' },
      { name: 'programme', kind: 'select', required: true, choices: 'programmes' },
      { name: 'territories', kind: 'territories' },
      { name: 'effective_from', kind: 'date', required: true },
      { name: 'effective_to', kind: 'date' },
    ],
  },
  contributeToFund: {
    id: 'contributeToFund',
    method: 'POST',
    path: () => '/fund/contributions',
    defaults: { currency: 'CNY' },
    currency: (v) => String(v.currency),
    fields: [
      { name: 'member', kind: 'select', required: true, choices: 'members' },
      { name: 'currency', kind: 'currency', required: true },
      { name: 'amount', kind: 'money', required: true },
      { name: 'on', kind: 'date' },
    ],
  },
  grantLoan: {
    id: 'grantLoan',
    method: 'POST',
    path: () => '/fund/loans',
    defaults: { currency: 'CNY', months: '12' },
    currency: (v) => String(v.currency),
    fields: [
      { name: 'member', kind: 'select', required: true, choices: 'members' },
      { name: 'currency', kind: 'currency', required: true },
      { name: 'amount', kind: 'money', required: true },
      { name: 'rate', kind: 'decimal' },
      { name: 'start_on', kind: 'date' },
      { name: 'months', kind: 'integer' },
    ],
  },
  repayLoan: {
    id: 'repayLoan',
    method: 'POST',
    path: (v) => `/fund/loans/${e(String(v.loan))}/repayments`,
    currency: (v, ctx) => ctx.loanCurrency?.(String(v.loan)) ?? '',
    fields: [
      { name: 'loan', kind: 'select', required: true, choices: 'loans', in: 'path' },
      { name: 'principal', kind: 'money', required: true },
      { name: 'interest', kind: 'money' },
      { name: 'on', kind: 'date' },
    ],
  },
  reverseTransaction: {
    id: 'reverseTransaction',
    method: 'POST',
    destructive: true,
    path: (v) => `/ledger/${e(String(v.txn).trim())}/reverse`,
    fields: [
      { name: 'txn', kind: 'integer', required: true, in: 'path' },
      { name: 'reason', kind: 'text', required: true },
    ],
  },
}

const COUNTRY = /^[A-Z]{2}$/
const PUBLICATION = /^[A-Z]{2}(?=[0-9A-Z./-]*\d)[0-9A-Z./-]+$/

// Publication numbers pasted one per line (commas, semicolons and blanks
// between them also do): upper-cased, inner spaces removed, each once, in
// the order given.
export function parsePublications(text: string): string[] {
  const out: string[] = []
  for (const line of text.split(/[\r\n,，;；]+/)) {
    const pn = line.replace(/\s+/g, '').toUpperCase()
    if (pn && !out.includes(pn)) out.push(pn)
  }
  return out
}

// Country codes separated by commas, semicolons or blanks, upper-cased,
// each once.
export function parseCountries(text: string): string[] {
  const out: string[] = []
  for (const part of text.split(/[\s,，;；]+/)) {
    const c = part.trim().toUpperCase()
    if (c && !out.includes(c)) out.push(c)
  }
  return out
}

// Rates by country written "CN=0.20, US 0.35" (pairs separated by commas,
// semicolons or new lines; '=', ':' or blanks between code and rate): the
// rates by upper-cased code (a later pair for the same code wins) and the
// first pair that is not a two-letter code with a decimal rate ('' none).
export function parseCountryRates(text: string): { rates: Record<string, string>; bad: string } {
  const rates: Record<string, string> = {}
  for (const part of text.split(/[\r\n,，;；]+/)) {
    const pair = part.trim()
    if (!pair) continue
    const m = /^([A-Za-z]{2})\s*(?:[=:：]\s*|\s+)(\d+(?:\.\d+)?)$/.exec(pair)
    if (!m) return { rates, bad: pair }
    rates[m[1].toUpperCase()] = m[2]
  }
  return { rates, bad: '' }
}

// A calendar day written YYYY-MM-DD.
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

// A problem with one field: the message key (below opForms.invalid) and
// its values.
export interface FieldError {
  key: string
  values?: Record<string, string>
}

function text(v: string | boolean | undefined): string {
  return typeof v === 'string' ? v.trim() : ''
}

// The currency a money field of `spec` is in, upper-cased ('' unknown).
export function moneyCurrency(spec: WriteSpec, v: Values, ctx: WriteContext): string {
  return (spec.currency?.(v, ctx) ?? ctx.poolCurrency ?? '').trim().toUpperCase()
}

// What is wrong with one field's value, or null.
export function checkField(spec: WriteSpec, field: FieldSpec, v: Values, ctx: WriteContext): FieldError | null {
  const raw = v[field.name]
  if (field.kind === 'boolean') return null
  const s = text(raw)
  if (!s) return field.required ? { key: 'required' } : null
  switch (field.kind) {
    case 'date':
      return isIsoDate(s) ? null : { key: 'date' }
    case 'country':
      return COUNTRY.test(s.toUpperCase()) ? null : { key: 'country', values: { value: s } }
    case 'countries':
    case 'territories': {
      const bad = parseCountries(s).find((c) => !COUNTRY.test(c) && !(field.kind === 'territories' && c === '*'))
      return bad ? { key: 'country', values: { value: bad } } : null
    }
    case 'countryRates': {
      const { bad } = parseCountryRates(s)
      return bad ? { key: 'countryRate', values: { value: bad } } : null
    }
    case 'currency':
      return /^[A-Z]{3}$/.test(s.toUpperCase()) ? null : { key: 'currency' }
    case 'publications': {
      const pns = parsePublications(s)
      if (pns.length === 0) return { key: 'required' }
      const bad = pns.find((pn) => !PUBLICATION.test(pn))
      return bad ? { key: 'publication', values: { value: bad } } : null
    }
    case 'decimal':
      return /^\d+(\.\d+)?$/.test(s) ? null : { key: 'decimal' }
    case 'integer':
      return /^\d+$/.test(s) && BigInt(s) > 0n ? null : { key: 'integer' }
    case 'money': {
      const currency = moneyCurrency(spec, v, ctx)
      if (!currency) return { key: 'currencyFirst' }
      return parseMoney(s, currency) === null ? { key: 'money', values: { currency } } : null
    }
    default:
      return null
  }
}

// Every field's problem, by field name; empty when the form may be sent.
export function checkForm(spec: WriteSpec, v: Values, ctx: WriteContext): Record<string, FieldError> {
  const out: Record<string, FieldError> = {}
  for (const f of spec.fields) {
    const err = checkField(spec, f, v, ctx)
    if (err) out[f.name] = err
  }
  return out
}

// The value a field sends (undefined: left out).
function bodyValue(spec: WriteSpec, f: FieldSpec, v: Values, ctx: WriteContext): unknown {
  if (f.kind === 'boolean') return v[f.name] === true
  const s = text(v[f.name])
  if (!s) return undefined
  switch (f.kind) {
    case 'countries':
    case 'territories':
      return parseCountries(s)
    case 'publications':
      return parsePublications(s)
    case 'countryRates':
      return parseCountryRates(s).rates
    case 'country':
    case 'currency':
      return s.toUpperCase()
    case 'integer':
      return Number(s)
    case 'money': {
      const currency = moneyCurrency(spec, v, ctx)
      const minor = parseMoney(s, currency)
      return minor === null ? undefined : minorToDecimal(minor, currency)
    }
    default:
      return s
  }
}

// The request a valid form becomes: method, path below the alliance (with
// its query) and JSON body (undefined for a DELETE).
export function buildRequest(spec: WriteSpec, v: Values, ctx: WriteContext): { method: string; path: string; body?: unknown } {
  const body: Record<string, unknown> = {}
  const query = new URLSearchParams()
  for (const f of spec.fields) {
    if (f.in === 'path') continue
    const value = bodyValue(spec, f, v, ctx)
    if (value === undefined) continue
    if (f.in === 'query') query.set(f.name, String(value))
    else body[f.name] = value
  }
  const q = query.toString()
  const path = spec.path(v, ctx) + (q ? `?${q}` : '')
  return spec.method === 'DELETE' ? { method: spec.method, path } : { method: spec.method, path, body }
}

// The values a new form starts with.
export function initialValues(spec: WriteSpec): Values {
  const v: Values = {}
  for (const f of spec.fields) v[f.name] = f.kind === 'boolean' ? false : ''
  return { ...v, ...(spec.defaults ?? {}) }
}

// Whether the signed-in user runs this alliance: an administrator, or its
// operator. Only they are shown the console's forms.
export function mayOperate(grants: { role: string; alliance?: string | null }[], alliance: string): boolean {
  return grants.some((g) => g.role === 'administrator' || (g.role === 'operator' && g.alliance === alliance))
}

// The form field a refused write is about: the field the problem names when
// it is one of the form's, else the first field whose typed value the
// problem's detail quotes (the alliance routes name the unknown
// publication or member in the detail, not in `field`); '' when none.
export function problemField(spec: WriteSpec, v: Values, problem: { field?: string; detail?: string }): string {
  if (problem.field && spec.fields.some((f) => f.name === problem.field)) return problem.field
  const detail = (problem.detail ?? '').toUpperCase()
  if (!detail) return ''
  for (const f of spec.fields) {
    const s = text(v[f.name])
    if (!s) continue
    const values = f.kind === 'publications' ? parsePublications(s) : f.kind === 'countries' || f.kind === 'territories' ? parseCountries(s) : [s]
    if (values.some((x) => x.length > 2 && detail.includes(x.toUpperCase()))) return f.name
  }
  return ''
}
