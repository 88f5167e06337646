// The risk screening form's request and the product text's highlighting of
// the sentences (UTF-8 byte offsets from the server) evidencing an element.
import { describe, expect, it } from 'vitest'
import type { RiskElement, RiskReport } from '../api/types'
import { byteToIndex, countryCodes, productSegments, riskBody, tierType } from './risk'

function report(text: string, sentences: [number, number][]): RiskReport {
  const enc = new TextEncoder()
  const bytes = enc.encode(text)
  const dec = new TextDecoder()
  return {
    format_version: 1,
    generated_at: '',
    as_of: '2025-06-01',
    countries: ['US'],
    competitors: [],
    product: { text, sentences: sentences.map(([start, end]) => ({ start, end, text: dec.decode(bytes.slice(start, end)) })) },
    patents: [],
    not_in_force: [],
    searches: [],
    disclaimer: { en: '', zh: '' },
  }
}

function element(evidence: { sentence: number; matched: string[] }[], evidenced = true): RiskElement {
  return {
    kind: 'element',
    text: '',
    keys: 3,
    evidenced,
    percent: 100,
    missing: [],
    evidence: evidence.map((e) => ({ ...e, percent: 100 })),
  }
}

describe('risk request', () => {
  it('reads country codes in any case and separator, without repeats', () => {
    expect(countryCodes(' us, cn DE；us、jp ')).toEqual(['US', 'CN', 'DE', 'JP'])
  })

  it('refuses a blank description or a missing or malformed country', () => {
    const form = { product: ' ', countries: 'US', asOf: '', competitors: '', candidates: 30 }
    expect(riskBody(form)).toEqual({ invalid: 'product' })
    expect(riskBody({ ...form, product: 'a battery', countries: '' })).toEqual({ invalid: 'countries' })
    expect(riskBody({ ...form, product: 'a battery', countries: 'US, USA' })).toEqual({ invalid: 'countries' })
  })

  it('sends only what was given', () => {
    const form = { product: 'a battery', countries: 'us de', asOf: '', competitors: '', candidates: 30 }
    expect(riskBody(form)).toEqual({ product: 'a battery', countries: ['US', 'DE'] })
    expect(riskBody({ ...form, asOf: '2025-06-01', competitors: ' BYD \n\n宁德时代\n', candidates: 50 })).toEqual({
      product: 'a battery',
      countries: ['US', 'DE'],
      as_of: '2025-06-01',
      competitors: ['BYD', '宁德时代'],
      candidates: 50,
    })
  })
})

describe('product highlighting', () => {
  it('maps UTF-8 byte offsets to string indices', () => {
    const at = byteToIndex('a电池😀b')
    expect(at(0)).toBe(0)
    expect(at(1)).toBe(1)
    expect(at(4)).toBe(2)
    expect(at(5)).toBe(2)  // inside 池: its start
    expect(at(7)).toBe(3)
    expect(at(11)).toBe(5)
    expect(at(12)).toBe(6)
  })

  it('marks the evidencing sentence and its matched words, covering the text whole', () => {
    const text = 'The SkyCell is a metal-air battery. It has a carbon nanotube network!'
    const r = report(text, [
      [0, 35],
      [36, 69],
    ])
    const segments = productSegments(r, element([{ sentence: 1, matched: ['carbon', 'network', 'net'] }]))
    expect(segments.map((s) => s.text).join('')).toBe(text)
    expect(segments.filter((s) => s.matched).map((s) => s.text)).toEqual(['carbon', 'network'])
    expect(segments.filter((s) => s.evidence).every((s) => s.sentence === 1)).toBe(true)
    expect(segments.find((s) => s.sentence === 0)?.evidence).toBe(false)
  })

  it('highlights Chinese runs and nothing for an element that is not evidenced', () => {
    const text = '本产品是电池。正极片涂覆有磷酸铁锂。'
    const r = report(text, [
      [0, 21],
      [21, 54],
    ])
    const chosen = productSegments(r, element([{ sentence: 1, matched: ['正极片涂覆有磷酸铁锂'] }]))
    expect(chosen.filter((s) => s.matched).map((s) => s.text)).toEqual(['正极片涂覆有磷酸铁锂'])
    expect(chosen.map((s) => s.text).join('')).toBe(text)
    const nearest = productSegments(r, element([{ sentence: 1, matched: ['正极片'] }], false))
    expect(nearest.some((s) => s.evidence || s.matched)).toBe(false)
    expect(productSegments(r, null).map((s) => s.text)).toEqual(['本产品是电池。', '正极片涂覆有磷酸铁锂。'])
  })

  it('colours the tiers', () => {
    expect(tierType('high')).toBe('danger')
    expect(tierType('medium')).toBe('warning')
    expect(tierType('low')).toBe('info')
  })
})
