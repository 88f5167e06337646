// The office screens' pure parts: the buttons shown for the API's allowed
// actions (order, comment required, dated, dangerous), the action bodies,
// the deadline highlighting, and the lists typed by users.
import { describe, expect, it } from 'vitest'
import { actionBody, actionSpecs, daysBetween, deadlineLevel, patentList, reviewerProvinces, todayIso } from './office'

describe('actionSpecs', () => {
  it('shows exactly the allowed actions, forward step first', () => {
    expect(actionSpecs('recording', ['withdraw', 'return', 'accept']).map((s) => s.action)).toEqual(['accept', 'return', 'withdraw'])
    expect(actionSpecs('recording', [])).toEqual([])
    expect(actionSpecs('case', undefined)).toEqual([])
  })
  it('keeps an action the table does not know, last', () => {
    expect(actionSpecs('case', ['reopen', 'decide']).map((s) => s.action)).toEqual(['decide', 'reopen'])
  })
  it('asks for a comment where the server refuses one missing', () => {
    const rec = Object.fromEntries(actionSpecs('recording', ['return', 'reject', 'accept', 'record']).map((s) => [s.action, s.comment]))
    expect(rec).toEqual({ return: 'required', reject: 'required', accept: 'optional', record: 'optional' })
    const credit = actionSpecs('credit', ['notify', 'file_statement', 'request_repair', 'revoke'])
    expect(credit.map((s) => s.comment)).toEqual(['optional', 'required', 'required', 'required'])
    expect(actionSpecs('complaint', ['close', 'open_case']).map((s) => s.comment)).toEqual(['none', 'required'])
  })
  it('dates office steps but not the subject steps nor recordings', () => {
    const credit = Object.fromEntries(actionSpecs('credit', ['list', 'file_statement', 'request_repair', 'notify']).map((s) => [s.action, s.fields]))
    expect(credit).toEqual({ notify: ['on'], file_statement: [], list: ['listed_until', 'on'], request_repair: [] })
    expect(actionSpecs('recording', ['record'])[0].fields).toEqual(['record_number', 'recorded_on'])
    expect(actionSpecs('recording', ['submit'])[0].fields).toEqual([])
    expect(actionSpecs('case', ['decide'])[0].fields).toEqual(['on'])
  })
  it('marks refusals and withdrawals as dangerous', () => {
    expect(actionSpecs('recording', ['accept', 'return', 'reject', 'withdraw']).map((s) => s.danger)).toEqual([false, true, true, true])
  })
})

describe('actionBody', () => {
  const [ret] = actionSpecs('recording', ['return'])
  const [list] = actionSpecs('credit', ['list'])
  it('refuses a required comment left blank', () => {
    expect(actionBody(ret, { comment: '  ' })).toEqual({ missing: 'comment' })
  })
  it('trims and leaves out empty values', () => {
    expect(actionBody(ret, { comment: ' 补充联系人 ' })).toEqual({ comment: '补充联系人' })
    expect(actionBody(list, { comment: '', on: '2026-03-02', listed_until: '' })).toEqual({ on: '2026-03-02' })
  })
  it('sends only the fields of the action', () => {
    expect(actionBody(ret, { comment: 'x', on: '2026-03-02', record_number: 'N' })).toEqual({ comment: 'x' })
  })
})

describe('deadlineLevel', () => {
  it('is none without a due date', () => {
    expect(deadlineLevel('', 0, '2026-03-02')).toBe('none')
    expect(deadlineLevel(undefined, undefined, '2026-03-02')).toBe('none')
  })
  it('is overdue when the server counts days past it, whatever the date', () => {
    expect(deadlineLevel('2026-03-10', 2, '2026-03-02')).toBe('overdue')
  })
  it('is overdue the day after the due date, soon up to three days before, ok earlier', () => {
    expect(deadlineLevel('2026-03-01', 0, '2026-03-02')).toBe('overdue')
    expect(deadlineLevel('2026-03-02', 0, '2026-03-02')).toBe('soon')
    expect(deadlineLevel('2026-03-05', 0, '2026-03-02')).toBe('soon')
    expect(deadlineLevel('2026-03-06', 0, '2026-03-02')).toBe('ok')
    expect(deadlineLevel('2026-03-06', 0, '2026-03-02', 4)).toBe('soon')
  })
})

describe('dates and lists', () => {
  it('counts calendar days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1)
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9)
  })
  it('writes today in ISO form with zero padding', () => {
    expect(todayIso(new Date(2026, 0, 5, 12))).toBe('2026-01-05')
  })
  it('reads publication numbers in any separator, once each', () => {
    expect(patentList(' cn1234a, US2;us2，EP3、 ')).toEqual(['CN1234A', 'US2', 'EP3'])
  })
  it('lists the provinces of reviewer grants only', () => {
    expect(
      reviewerProvinces([
        { role: 'reviewer', province: '北京市' },
        { role: 'operator' },
        { role: 'reviewer', province: '上海市' },
        { role: 'reviewer', province: '北京市' },
      ]),
    ).toEqual(['北京市', '上海市'])
  })
})
