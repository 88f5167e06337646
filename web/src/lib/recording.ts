// The recording screens' pure parts (issue 15 part 1): a material file
// checked before it is sent (the server decides again, from the file's
// first bytes: PDF, PNG or JPEG, at most 10 MiB, 20 per material), the
// states of the reports due after recording as tags, which rectification
// steps a page offers to the office or to the operator, and the report
// bodies built from forms. The server decides what is allowed; this only
// presents it and saves a round trip for a file it would refuse.

export const MAX_MATERIAL_FILE_BYTES = 10 * 1024 * 1024
export const MAX_FILES_PER_MATERIAL = 20
export const MATERIALS = ['application_form', 'charter', 'licences', 'member_list'] as const
export const CHANGE_KINDS = ['name', 'form', 'lead_unit', 'secretary_general_unit', 'operator', 'charter', 'members', 'address'] as const

export type MaterialType = 'application/pdf' | 'image/png' | 'image/jpeg'

// The type of a file from its first bytes, as the server decides it; null
// for anything else.
export function sniffMaterialType(head: Uint8Array): MaterialType | null {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b)
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf' // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  return null
}

export type FileProblem = 'empty' | 'tooLarge' | 'badType' | 'tooMany' | 'badName'

// Why a file would be refused before it is uploaded, or null. `existing`:
// the files the material holds already.
export function materialFileProblem(file: { name: string; size: number }, head: Uint8Array, existing: number): FileProblem | null {
  if (/[\\/]/.test(file.name) || file.name.trim() === '' || file.name === '.' || file.name === '..') return 'badName'
  if (file.size === 0) return 'empty'
  if (file.size > MAX_MATERIAL_FILE_BYTES) return 'tooLarge'
  if (existing >= MAX_FILES_PER_MATERIAL) return 'tooMany'
  if (sniffMaterialType(head) === null) return 'badType'
  return null
}

// 1536 -> "1.5 KB"; 10485760 -> "10 MB".
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KB', 'MB', 'GB']
  let v = n / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${Number(v.toFixed(1))} ${units[u]}`
}

// The upload path of a material's file, with its name as the label.
export function uploadPath(alliance: string, material: string, filename: string): string {
  return `/alliances/${encodeURIComponent(alliance)}/recording/materials/${encodeURIComponent(material)}/files?filename=${encodeURIComponent(filename)}`
}

export type TagType = 'success' | 'warning' | 'info' | 'danger'

// An annual report's state as of today (filed, filed_late, due, overdue).
export function annualTag(state: string): TagType {
  return state === 'filed' ? 'success' : state === 'filed_late' ? 'warning' : state === 'overdue' ? 'danger' : 'info'
}

export interface RectificationLike {
  state: string
  overdue?: boolean
}

// A rectification's state: overdue first, then its step.
export function rectificationTag(r: RectificationLike): TagType {
  if (r.overdue) return 'danger'
  return r.state === 'closed' ? 'success' : r.state === 'removed' ? 'danger' : r.state === 'reported' ? 'info' : 'warning'
}

export type RectificationStep = 'order' | 'report' | 'close' | 'remove'

// The steps a page offers: the office orders one when none is open, and
// closes (once reported) or removes; the operator reports on an ordered
// one. Nothing once the alliance is no longer recorded.
export function rectificationSteps(recordingState: string, rectifications: readonly RectificationLike[], side: 'office' | 'operator'): RectificationStep[] {
  if (recordingState !== 'recorded') return []
  const open = rectifications.find((r) => r.state === 'ordered' || r.state === 'reported')
  if (side === 'operator') return open?.state === 'ordered' ? ['report'] : []
  if (!open) return ['order']
  return open.state === 'reported' ? ['close', 'remove'] : ['remove']
}

export type Built = { body: Record<string, unknown> } | { missing: string }

const ISO = /^\d{4}-\d{2}-\d{2}$/

// The body of POST .../annual-reports; `missing` names the first field to fix.
export function annualReportBody(form: { year: string | number; summary: string; filed_on?: string }, recordedOn: string, today: string): Built {
  const year = Number(form.year)
  const first = Number(recordedOn.slice(0, 4))
  const last = Number(today.slice(0, 4))
  if (!Number.isInteger(year) || year < first || year > last) return { missing: 'year' }
  if (!form.summary.trim()) return { missing: 'summary' }
  const body: Record<string, unknown> = { year, summary: form.summary.trim() }
  if (form.filed_on) {
    if (!ISO.test(form.filed_on)) return { missing: 'filed_on' }
    body.filed_on = form.filed_on
  }
  return { body }
}

// The body of POST .../major-changes.
export function majorChangeBody(form: { change_kind: string; changed_on: string; summary: string }): Built {
  if (!(CHANGE_KINDS as readonly string[]).includes(form.change_kind)) return { missing: 'change_kind' }
  if (!ISO.test(form.changed_on)) return { missing: 'changed_on' }
  if (!form.summary.trim()) return { missing: 'summary' }
  return { body: { change_kind: form.change_kind, changed_on: form.changed_on, summary: form.summary.trim() } }
}

// The body of POST .../rectification/{step}: every step needs its text; an
// order needs its due date, after today.
export function rectificationBody(step: RectificationStep, form: { text: string; due_on?: string }, today: string): Built {
  if (!form.text.trim()) return { missing: 'text' }
  const body: Record<string, unknown> = { text: form.text.trim() }
  if (step === 'order') {
    if (!form.due_on || !ISO.test(form.due_on) || form.due_on <= today) return { missing: 'due_on' }
    body.due_on = form.due_on
  }
  return { body }
}

export const LIBRARY_DECISIONS = ['retain', 'warning', 'remove'] as const

// Whether the caller keeps a library (reviews its entries): the national
// one, administrators; a province's, administrators and its reviewers.
export function keepsLibrary(level: string, isAdministrator: boolean, reviewerProvinces: readonly string[]): boolean {
  if (isAdministrator) return true
  return level !== 'national' && reviewerProvinces.includes(level)
}

// The body of POST /alliances/{a}/library/reviews: a year from the one the
// entry was made to this year, one of the three decisions, a reason for a
// warning or a removal.
export function libraryReviewBody(form: { level: string; year: string | number; decision: string; reason: string }, enteredOn: string, today: string): Built {
  const year = Number(form.year)
  if (!Number.isInteger(year) || year < Number(enteredOn.slice(0, 4)) || year > Number(today.slice(0, 4))) return { missing: 'year' }
  if (!(LIBRARY_DECISIONS as readonly string[]).includes(form.decision)) return { missing: 'decision' }
  const reason = form.reason.trim()
  if (form.decision !== 'retain' && !reason) return { missing: 'reason' }
  return { body: { level: form.level, year, decision: form.decision, ...(reason ? { reason } : {}) } }
}
