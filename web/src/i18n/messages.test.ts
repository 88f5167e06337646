// Both languages carry every label, none empty.
import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

describe('messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })
  it('leave no label empty', () => {
    const empty = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? empty(v) : v === '' ? [k] : []))
    expect(empty(zhCN)).toEqual([])
    expect(empty(en)).toEqual([])
  })
})
