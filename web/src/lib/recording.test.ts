// The recording screens' pure parts: a material file checked as the server
// would (its first bytes, its size, how many the material holds, a name
// that is not a path), the report and rectification states as tags, the
// rectification steps each side is offered, and the bodies built from forms.
import { describe, expect, it } from 'vitest'
import {
  MAX_MATERIAL_FILE_BYTES,
  annualReportBody,
  annualTag,
  formatBytes,
  keepsLibrary,
  libraryReviewBody,
  majorChangeBody,
  materialFileProblem,
  rectificationBody,
  rectificationSteps,
  rectificationTag,
  sniffMaterialType,
  uploadPath,
} from './recording'

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37])
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04])

describe('sniffMaterialType', () => {
  it('knows PDF, PNG and JPEG by their first bytes only', () => {
    expect(sniffMaterialType(PDF)).toBe('application/pdf')
    expect(sniffMaterialType(PNG)).toBe('image/png')
    expect(sniffMaterialType(JPEG)).toBe('image/jpeg')
    expect(sniffMaterialType(ZIP)).toBeNull()
    expect(sniffMaterialType(new Uint8Array([0x25, 0x50, 0x44]))).toBeNull()
    expect(sniffMaterialType(new Uint8Array([]))).toBeNull()
  })
})

describe('materialFileProblem', () => {
  it('passes a scan within the limits', () => {
    expect(materialFileProblem({ name: '章程.pdf', size: 1000 }, PDF, 0)).toBeNull()
    expect(materialFileProblem({ name: 'licence.jpg', size: MAX_MATERIAL_FILE_BYTES }, JPEG, 19)).toBeNull()
  })
  it('refuses what the server refuses', () => {
    expect(materialFileProblem({ name: 'a.pdf', size: MAX_MATERIAL_FILE_BYTES + 1 }, PDF, 0)).toBe('tooLarge')
    expect(materialFileProblem({ name: 'a.pdf', size: 0 }, PDF, 0)).toBe('empty')
    expect(materialFileProblem({ name: 'a.pdf', size: 10 }, ZIP, 0)).toBe('badType')
    expect(materialFileProblem({ name: 'a.pdf', size: 10 }, PDF, 20)).toBe('tooMany')
    expect(materialFileProblem({ name: '../a.pdf', size: 10 }, PDF, 0)).toBe('badName')
    expect(materialFileProblem({ name: 'C:\\a.pdf', size: 10 }, PDF, 0)).toBe('badName')
  })
  it('goes by the bytes, not by the name', () => {
    expect(materialFileProblem({ name: 'scan.png', size: 10 }, PDF, 0)).toBeNull()
    expect(materialFileProblem({ name: 'scan.pdf', size: 10 }, ZIP, 0)).toBe('badType')
  })
})

describe('formatBytes and uploadPath', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(MAX_MATERIAL_FILE_BYTES)).toBe('10 MB')
  })
  it('encodes the alliance, the material and the label', () => {
    expect(uploadPath('新能源 联盟', 'charter', '章程 v2.pdf')).toBe(
      '/alliances/%E6%96%B0%E8%83%BD%E6%BA%90%20%E8%81%94%E7%9B%9F/recording/materials/charter/files?filename=%E7%AB%A0%E7%A8%8B%20v2.pdf',
    )
  })
})

describe('tags', () => {
  it('shows an overdue report or rectification as danger', () => {
    expect(['filed', 'filed_late', 'due', 'overdue'].map(annualTag)).toEqual(['success', 'warning', 'info', 'danger'])
    expect(rectificationTag({ state: 'ordered', overdue: true })).toBe('danger')
    expect(rectificationTag({ state: 'ordered' })).toBe('warning')
    expect(rectificationTag({ state: 'reported' })).toBe('info')
    expect(rectificationTag({ state: 'closed' })).toBe('success')
  })
})

describe('rectificationSteps', () => {
  it('lets the office order one only when none is open', () => {
    expect(rectificationSteps('recorded', [], 'office')).toEqual(['order'])
    expect(rectificationSteps('recorded', [{ state: 'closed' }], 'office')).toEqual(['order'])
    expect(rectificationSteps('recorded', [{ state: 'closed' }, { state: 'ordered' }], 'office')).toEqual(['remove'])
    expect(rectificationSteps('recorded', [{ state: 'reported' }], 'office')).toEqual(['close', 'remove'])
  })
  it('lets the operator report on an ordered one only', () => {
    expect(rectificationSteps('recorded', [{ state: 'ordered' }], 'operator')).toEqual(['report'])
    expect(rectificationSteps('recorded', [{ state: 'reported' }], 'operator')).toEqual([])
    expect(rectificationSteps('recorded', [], 'operator')).toEqual([])
  })
  it('offers nothing once the alliance is not recorded', () => {
    expect(rectificationSteps('removed', [{ state: 'ordered' }], 'office')).toEqual([])
    expect(rectificationSteps('submitted', [], 'office')).toEqual([])
  })
})

describe('report bodies', () => {
  it('builds an annual report between the recording year and this year', () => {
    expect(annualReportBody({ year: '2025', summary: ' 年度工作 ' }, '2024-05-01', '2026-03-01')).toEqual({ body: { year: 2025, summary: '年度工作' } })
    expect(annualReportBody({ year: 2023, summary: 'x' }, '2024-05-01', '2026-03-01')).toEqual({ missing: 'year' })
    expect(annualReportBody({ year: 2027, summary: 'x' }, '2024-05-01', '2026-03-01')).toEqual({ missing: 'year' })
    expect(annualReportBody({ year: 2025, summary: ' ' }, '2024-05-01', '2026-03-01')).toEqual({ missing: 'summary' })
    expect(annualReportBody({ year: 2025, summary: 'x', filed_on: '2026/01/01' }, '2024-05-01', '2026-03-01')).toEqual({ missing: 'filed_on' })
  })
  it('builds a major-change report of a known kind', () => {
    expect(majorChangeBody({ change_kind: 'operator', changed_on: '2026-01-05', summary: '更换运营机构' })).toEqual({
      body: { change_kind: 'operator', changed_on: '2026-01-05', summary: '更换运营机构' },
    })
    expect(majorChangeBody({ change_kind: 'logo', changed_on: '2026-01-05', summary: 'x' })).toEqual({ missing: 'change_kind' })
    expect(majorChangeBody({ change_kind: 'name', changed_on: '', summary: 'x' })).toEqual({ missing: 'changed_on' })
  })
  it('needs a text for every rectification step and a later due date for an order', () => {
    expect(rectificationBody('order', { text: '年报逾期', due_on: '2026-06-30' }, '2026-03-01')).toEqual({ body: { text: '年报逾期', due_on: '2026-06-30' } })
    expect(rectificationBody('order', { text: '年报逾期', due_on: '2026-03-01' }, '2026-03-01')).toEqual({ missing: 'due_on' })
    expect(rectificationBody('order', { text: '年报逾期' }, '2026-03-01')).toEqual({ missing: 'due_on' })
    expect(rectificationBody('close', { text: ' ' }, '2026-03-01')).toEqual({ missing: 'text' })
    expect(rectificationBody('report', { text: '已补报', due_on: 'ignored' }, '2026-03-01')).toEqual({ body: { text: '已补报' } })
  })
})

describe('the library review', () => {
  it('is for the keeper of the library', () => {
    expect(keepsLibrary('national', true, [])).toBe(true)
    expect(keepsLibrary('national', false, ['北京市'])).toBe(false)
    expect(keepsLibrary('北京市', false, ['北京市'])).toBe(true)
    expect(keepsLibrary('上海市', false, ['北京市'])).toBe(false)
  })
  it('needs a year since the entry, a decision, and a reason unless retained', () => {
    const f = { level: '北京市', year: '2026', decision: 'retain', reason: '' }
    expect(libraryReviewBody(f, '2025-06-01', '2026-12-07')).toEqual({ body: { level: '北京市', year: 2026, decision: 'retain' } })
    expect(libraryReviewBody({ ...f, year: 2024 }, '2025-06-01', '2026-12-07')).toEqual({ missing: 'year' })
    expect(libraryReviewBody({ ...f, year: 2027 }, '2025-06-01', '2026-12-07')).toEqual({ missing: 'year' })
    expect(libraryReviewBody({ ...f, decision: 'keep' }, '2025-06-01', '2026-12-07')).toEqual({ missing: 'decision' })
    expect(libraryReviewBody({ ...f, decision: 'warning', reason: ' ' }, '2025-06-01', '2026-12-07')).toEqual({ missing: 'reason' })
    expect(libraryReviewBody({ ...f, decision: 'remove', reason: ' 连续两年未开展活动 ' }, '2025-06-01', '2026-12-07')).toEqual({
      body: { level: '北京市', year: 2026, decision: 'remove', reason: '连续两年未开展活动' },
    })
  })
})
