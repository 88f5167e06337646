// The evaluation-round screens' pure parts: the round answer read safely,
// what the office is offered in each state, the round's workflow buttons,
// figures and subjects typed into forms, the history and the radar.
import { describe, expect, it } from 'vitest'
import { actionBody, actionSpecs } from './office'
import {
  byMeasure,
  figuresBody,
  nodeName,
  observationFileKind,
  observationImportPath,
  parseRound,
  parseSensitivity,
  radarData,
  roundAbilities,
  roundEvents,
  subjectAbilities,
  subjectsBody,
  systemTextProblem,
} from './evaluation'
import type { SystemNode } from '../api/evaluation'

const answer = {
  id: 7,
  name: '2024 年度考核',
  province: '浙江省',
  period: '2024',
  subject_kind: 'city',
  weighting: 'fixed',
  state: 'publicity',
  system: { code: 'cities-ip-advantage', version: '2016.1', name: '知识产权强市' },
  data_version: 3,
  office: true,
  allowed_actions: ['reopen_review', 'finalise', 42],
  scored: true,
  results_fresh: true,
  subjects: [
    {
      code: 'C01',
      name: '杭州',
      observations: { entered: 0, submitted: 1, verified: 15, returned: 0 },
      total: 81.5,
      rank: 1,
      proposed_outcome: 'demonstration',
      outcome: { subject: 'C01', rule: 'demonstration', reason: 'r', applied_by: 'root', applied_at: 'x' },
    },
    { code: 'C02', name: '宁波', observations: {}, total: null, rank: null, proposed_outcome: null, outcome: null },
  ],
}

describe('parseRound', () => {
  it('reads the subjects, scores and the outcome in force as its rule', () => {
    const r = parseRound(answer)
    expect(r.id).toBe(7)
    expect(r.system.version).toBe('2016.1')
    expect(r.allowed_actions).toEqual(['reopen_review', 'finalise'])
    expect(r.subjects[0]).toMatchObject({ total: 81.5, rank: 1, proposed_outcome: 'demonstration', outcome: 'demonstration' })
    expect(r.subjects[0].observations).toEqual({ entered: 0, submitted: 1, verified: 15, returned: 0 })
  })
  it('fills what a subject user or an unscored round lacks', () => {
    const r = parseRound({ id: 1, subjects: [{ code: 'C02', total: null, outcome: null }] })
    expect(r.history).toEqual([])
    expect(r.allowed_actions).toEqual([])
    expect(r.office).toBe(false)
    expect(r.subjects[0]).toMatchObject({ total: null, rank: null, proposed_outcome: null, outcome: null })
    expect(r.subjects[0].observations).toEqual({ entered: 0, submitted: 0, verified: 0, returned: 0 })
  })
  it('refuses an answer that is not a round', () => {
    expect(() => parseRound({ name: 'x' })).toThrow(/not a round/)
    expect(() => parseRound(null)).toThrow()
  })
})

describe('roundAbilities', () => {
  const at = (state: string, office = true, scored = false) => roundAbilities({ state, office, scored })
  it('offers subjects only while data is called, scoring only in review', () => {
    expect(at('data_call')).toMatchObject({ addSubjects: true, enterFigures: true, score: false, applyOutcome: false })
    expect(at('provincial_review')).toMatchObject({ addSubjects: false, enterFigures: true, review: true, score: true })
    expect(at('expert_review').score).toBe(true)
  })
  it('offers outcomes in publicity and final, and nothing to a subject user', () => {
    expect(at('publicity', true, true)).toMatchObject({ enterFigures: false, score: false, applyOutcome: true, download: true })
    expect(at('final', true, true).applyOutcome).toBe(true)
    expect(Object.values(at('publicity', false, true)).some(Boolean)).toBe(false)
  })
  it('offers the workbook only once scored', () => {
    expect(at('expert_review', true, false).download).toBe(false)
    expect(at('expert_review', true, true).download).toBe(true)
  })
})

describe('round workflow buttons', () => {
  it('orders the moves forward first, the moves back last and dangerous', () => {
    const specs = actionSpecs('round', ['reopen_review', 'finalise'])
    expect(specs.map((s) => s.action)).toEqual(['finalise', 'reopen_review'])
    expect(specs.map((s) => s.danger)).toEqual([false, true])
    expect(actionSpecs('round', ['return_to_subjects', 'send_to_experts']).map((s) => s.action)).toEqual(['send_to_experts', 'return_to_subjects'])
  })
  it('asks no date and no required comment: the server takes an optional one', () => {
    for (const s of actionSpecs('round', ['open_self_assessment', 'publish', 'return_to_subjects'])) {
      expect(s.fields).toEqual([])
      expect(s.comment).toBe('optional')
    }
    const [publish] = actionSpecs('round', ['publish'])
    expect(actionBody(publish, {})).toEqual({})
    expect(actionBody(publish, { comment: '  无异议 ' })).toEqual({ comment: '无异议' })
  })
})

describe('figuresBody', () => {
  const measures = [{ code: 'hv' }, { code: 'population' }, { code: 'violations' }]
  it('sends the typed figures as numbers for the round period, blanks left out', () => {
    expect(figuresBody('C01', '2024', { hv: '1,234.5', population: ' ', violations: 0 }, measures)).toEqual({
      observations: [
        { subject: 'C01', measure: 'hv', period: '2024', value: 1234.5 },
        { subject: 'C01', measure: 'violations', period: '2024', value: 0 },
      ],
    })
  })
  it('reads full-width digits and negative figures', () => {
    expect(figuresBody('C01', '2024', { hv: '１２．５', population: '-3' }, measures)).toEqual({
      observations: [
        { subject: 'C01', measure: 'hv', period: '2024', value: 12.5 },
        { subject: 'C01', measure: 'population', period: '2024', value: -3 },
      ],
    })
  })
  it('names the first measure that is not a number', () => {
    expect(figuresBody('C01', '2024', { hv: '12', population: '12万', violations: 'x' }, measures)).toEqual({ invalid: 'population' })
    expect(figuresBody('C01', '2024', { hv: '1e3x' }, measures)).toEqual({ invalid: 'hv' })
  })
  it('ignores values for measures the system does not declare', () => {
    expect(figuresBody('C01', '2024', { other: '5' }, measures)).toEqual({ observations: [] })
  })
})

describe('subjectsBody', () => {
  it('reads code and name per line in the usual separators', () => {
    expect(subjectsBody('C01 杭州\n\nC02=宁波\nC03，温州 市')).toEqual({
      subjects: [
        { code: 'C01', name: '杭州' },
        { code: 'C02', name: '宁波' },
        { code: 'C03', name: '温州 市' },
      ],
    })
  })
  it('names the line without a name', () => {
    expect(subjectsBody('C01 杭州\nC02')).toEqual({ badLine: 2 })
  })
})

describe('roundEvents', () => {
  it('maps the states and names a subject step in its comment', () => {
    const events = roundEvents([
      { action: 'publish', from_state: 'expert_review', to_state: 'publicity', subject: '', actor: 'root', at: 't1', comment: '' },
      { action: 'return', from_state: 'expert_review', to_state: 'expert_review', subject: 'C02', actor: 'root', at: 't2', comment: '人口有误' },
      { action: 'verify', from_state: 'expert_review', to_state: 'expert_review', subject: 'C01', actor: 'root', at: 't3', comment: '' },
    ])
    expect(events.map((e) => [e.from, e.to, e.comment])).toEqual([
      ['expert_review', 'publicity', ''],
      ['expert_review', 'expert_review', 'C02: 人口有误'],
      ['expert_review', 'expert_review', 'C01'],
    ])
  })
})

describe('radarData', () => {
  const node = (code: string, parent: string, kind: string, name_en = ''): SystemNode => ({
    code,
    parent,
    depth: parent ? 1 : 0,
    name_zh: `节点${code}`,
    name_en,
    kind,
    weight: 1,
  })
  const nodes = [node('1', '', 'group', 'Management'), node('1.1', '1', 'quantitative'), node('2', '', 'group'), node('V', '', 'gate'), node('J', '', 'bonus')]
  it('draws the top-level scored nodes only, named in the reader language', () => {
    const r = radarData(nodes, { '1': { score: 0.5 }, '1.1': { score: 0.9 }, '2': { score: 0.25 }, V: { gate_failed: false }, J: { points: 2 } }, 'en')
    expect(r.indicators.map((i) => i.name)).toEqual(['Management', '节点2'])
    expect(r.values).toEqual([0.5, 0.25])
    expect(r.indicators.every((i) => i.max === 1)).toBe(true)
  })
  it('stretches every axis to the highest score above 1', () => {
    const r = radarData(nodes, { '1': { score: 40 }, '2': { score: 75.12345 } }, 'zh-CN')
    expect(r.indicators).toEqual([
      { name: '节点1', max: 75.123 },
      { name: '节点2', max: 75.123 },
    ])
  })
  it('leaves out a node without a score', () => {
    expect(radarData(nodes, { '2': { score: 0.3 } }, 'zh-CN').values).toEqual([0.3])
  })
})

describe('helpers', () => {
  it('names a node in the other language, then by code, when missing', () => {
    expect(nodeName({ code: 'x', name_zh: '', name_en: 'X' }, 'zh-CN')).toBe('X')
    expect(nodeName({ code: 'x', name_zh: '', name_en: '' }, 'en')).toBe('x')
  })
  it('indexes one subject figures by measure', () => {
    const m = byMeasure([{ subject: 'C01', measure: 'hv' }, { subject: 'C02', measure: 'hv' }, { subject: 'C01', measure: 'pop' }], 'C01')
    expect([...m.keys()]).toEqual(['hv', 'pop'])
  })
})

describe('subjectAbilities', () => {
  it("lets a subject's user enter its figures during the data call and self-assessment only", () => {
    expect(subjectAbilities({ state: 'data_call', office: false })).toEqual({ enterOwn: true })
    expect(subjectAbilities({ state: 'self_assessment', office: false })).toEqual({ enterOwn: true })
    expect(subjectAbilities({ state: 'provincial_review', office: false })).toEqual({ enterOwn: false })
    expect(subjectAbilities({ state: 'data_call', office: true })).toEqual({ enterOwn: false })
  })
})

describe('observation files', () => {
  it('knows CSV, XLSX and JSON by the name, in any case', () => {
    expect(['a.csv', 'B.XLSX', '数据.json', 'a.xls', 'a', 'csv'].map(observationFileKind)).toEqual(['csv', 'xlsx', 'json', null, null, null])
  })
  it('names the file in the import path', () => {
    expect(observationImportPath(7, '2024 数据.xlsx')).toBe('/rounds/7/observations/import?filename=2024%20%E6%95%B0%E6%8D%AE.xlsx')
  })
})

describe('parseSensitivity', () => {
  it('reads the methods and puts the most moved subjects first', () => {
    const s = parseSensitivity({
      methods: [
        { weighting: 'fixed', moved: 0, spearman: 1 },
        { weighting: 'entropy', moved: 2, spearman: 0.5 },
      ],
      subjects: [
        { code: 'C01', ranks: { fixed: 1, entropy: 1 }, max_shift: 0 },
        { code: 'C02', ranks: { fixed: 2, entropy: 3 }, max_shift: 1 },
        { code: 'C03', ranks: { fixed: 3, entropy: 2, bad: 'x' }, max_shift: 1 },
      ],
    })
    expect(s?.methods.map((m) => [m.weighting, m.moved, m.spearman])).toEqual([
      ['fixed', 0, 1],
      ['entropy', 2, 0.5],
    ])
    expect(s?.subjects.map((x) => x.code)).toEqual(['C02', 'C03', 'C01'])
    expect(s?.subjects[1].ranks).toEqual({ fixed: 3, entropy: 2 })
  })
  it('is null without a table (a subject reading its results)', () => {
    expect(parseSensitivity(undefined)).toBeNull()
    expect(parseSensitivity({ methods: [] })).toBeNull()
  })
})

describe('systemTextProblem', () => {
  it('sends a JSON object with a code and a version', () => {
    expect(systemTextProblem('{"code": "c", "version": "1", "nodes": []}')).toBeNull()
  })
  it('names what is missing before sending', () => {
    expect(systemTextProblem('  ')).toBe('empty')
    expect(systemTextProblem('code: c')).toBe('notJson')
    expect(systemTextProblem('[1]')).toBe('notObject')
    expect(systemTextProblem('{"version": "1"}')).toBe('noCode')
    expect(systemTextProblem('{"code": "c", "version": 1}')).toBe('noVersion')
  })
})
