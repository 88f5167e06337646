// Both languages carry every label, none empty, and every label the code
// asks for by a literal key exists (a key that does not resolve shows as the
// key itself on screen).
import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import zhCN from './zh-CN'
import en from './en'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

// The literal keys of t('a.b') / te('a.b') calls in the sources; keys built
// at run time (template strings) are not checked here.
function usedKeys(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...usedKeys(file))
    else if (/\.(vue|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      const text = fs.readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) out.push(m[1])
    }
  }
  return out
}

describe('messages', () => {
  it('define every key the screens use', () => {
    const defined = new Set(keys(zhCN))
    const used = [...new Set(usedKeys(path.resolve(__dirname, '..')))]
    expect(used.length).toBeGreaterThan(50)
    expect(used.filter((k) => !defined.has(k))).toEqual([])
  })
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
