// The risk screening screen's pure parts: the request from the form, and the
// product text cut into segments so that the sentences evidencing a chosen
// claim element, and the words they share with it, can be highlighted.
import type { RiskElement, RiskReport } from '../api/types'

export interface RiskForm {
  product: string
  countries: string
  asOf: string
  competitors: string
  candidates: number
}

export interface RiskBody {
  product: string
  countries: string[]
  as_of?: string
  competitors?: string[]
  candidates?: number
}

// Country codes typed as "US, cn DE": upper-cased, without repeats, in order.
export function countryCodes(text: string): string[] {
  const out: string[] = []
  for (const c of text.split(/[\s,;，；、]+/)) {
    const code = c.trim().toUpperCase()
    if (code && !out.includes(code)) out.push(code)
  }
  return out
}

// The request body of the form, or the name of the field to fix first:
// 'product' when the description is blank, 'countries' when no country is
// given or one is not two letters (the server checks the code itself).
export function riskBody(form: RiskForm): RiskBody | { invalid: 'product' | 'countries' } {
  if (!form.product.trim()) return { invalid: 'product' }
  const countries = countryCodes(form.countries)
  if (countries.length === 0 || countries.some((c) => !/^[A-Z]{2}$/.test(c))) return { invalid: 'countries' }
  const body: RiskBody = { product: form.product, countries }
  if (form.asOf) body.as_of = form.asOf
  const competitors = form.competitors
    .split('\n')
    .map((c) => c.trim())
    .filter((c) => c)
  if (competitors.length) body.competitors = competitors
  if (form.candidates !== 30) body.candidates = form.candidates
  return body
}

// UTF-16 index of each UTF-8 byte offset the server gives (offsets inside a
// character map to that character's start; the text's end maps to length).
export function byteToIndex(text: string): (byte: number) => number {
  const starts: number[] = []  // byte offset of each UTF-16 index
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    starts.push(bytes)
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4
      starts.push(bytes)  // the low surrogate
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) bytes += 0
    else bytes += 3
  }
  return (byte: number) => {
    if (byte >= bytes) return text.length
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= byte) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}

export interface Segment {
  text: string
  sentence: number  // -1 between sentences
  evidence: boolean  // the sentence evidences the chosen element
  matched: boolean  // a word the sentence shares with the chosen element
}

function isWordChar(c: string | undefined): boolean {
  return !!c && /[A-Za-z0-9_]/.test(c)
}

// The matched words' ranges in `s` (ASCII case folded; words starting with
// an ASCII letter or digit only at word boundaries), merged.
function matchRanges(s: string, words: string[]): [number, number][] {
  const lower = s.toLowerCase()
  const ranges: [number, number][] = []
  for (const w of words) {
    const word = w.toLowerCase()
    if (!word) continue
    const bounded = isWordChar(word[0])
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      const end = at + word.length
      if (bounded && (isWordChar(lower[at - 1]) || isWordChar(lower[end]))) continue
      ranges.push([at, end])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

// The product text as segments in order, covering it whole: the sentences
// that evidence `element` flagged, and inside them the matched words.
export function productSegments(report: RiskReport, element: RiskElement | null): Segment[] {
  const text = report.product.text
  const at = byteToIndex(text)
  const evidence = new Map<number, string[]>()
  for (const e of element?.evidence ?? []) if (element?.evidenced) evidence.set(e.sentence, e.matched)
  const out: Segment[] = []
  let pos = 0
  report.product.sentences.forEach((s, i) => {
    const start = at(s.start)
    const end = at(s.end)
    if (start > pos) out.push({ text: text.slice(pos, start), sentence: -1, evidence: false, matched: false })
    const sentence = text.slice(start, end)
    const words = evidence.get(i)
    if (!words) {
      out.push({ text: sentence, sentence: i, evidence: false, matched: false })
    } else {
      let p = 0
      for (const [a, b] of matchRanges(sentence, words)) {
        if (a > p) out.push({ text: sentence.slice(p, a), sentence: i, evidence: true, matched: false })
        out.push({ text: sentence.slice(a, b), sentence: i, evidence: true, matched: true })
        p = b
      }
      if (p < sentence.length) out.push({ text: sentence.slice(p), sentence: i, evidence: true, matched: false })
    }
    pos = Math.max(pos, end)
  })
  if (pos < text.length) out.push({ text: text.slice(pos), sentence: -1, evidence: false, matched: false })
  return out
}

// The Element Plus tag type of a tier.
export function tierType(tier: string): 'danger' | 'warning' | 'info' {
  return tier === 'high' ? 'danger' : tier === 'medium' ? 'warning' : 'info'
}
