// The evaluation-round screens' pure parts (issue 15): the round answer made
// safe to render, what the office may do in each state beyond the workflow
// moves (the server decides and refuses; this only offers), the body of
// figures typed into a form, a round's history as office events, and the
// radar of a subject's top-level node scores.
import type { OfficeEvent } from '../api/office'
import type { NodeScore, Round, RoundEvent, RoundSubject, SystemMeasure, SystemNode } from '../api/evaluation'

export const ROUND_STATES = ['data_call', 'self_assessment', 'provincial_review', 'expert_review', 'publicity', 'final']
export const SUBJECT_KINDS = ['city', 'district', 'experimental_zone', 'pilot_unit', 'pilot_enterprise', 'alliance', 'enterprise']
export const WEIGHTINGS = ['fixed', 'ahp', 'entropy', 'critic']
export const OBSERVATION_STATES = ['entered', 'submitted', 'verified', 'returned'] as const

function text(v: unknown): string {
  return typeof v === 'string' ? v : ''
}
function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}
function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}
function object(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

// An applied outcome, as an object {rule, reason, ...} or its rule: the rule.
function outcomeRule(v: unknown): string | null {
  const rule = typeof v === 'string' ? v : text(object(v).rule)
  return rule || null
}

function parseSubject(raw: unknown): RoundSubject {
  const s = object(raw)
  const o = object(s.observations)
  return {
    code: text(s.code),
    name: text(s.name),
    province: text(s.province),
    member: text(s.member),
    alliance: text(s.alliance),
    observations: { entered: count(o.entered), submitted: count(o.submitted), verified: count(o.verified), returned: count(o.returned) },
    total: numberOrNull(s.total),
    rank: numberOrNull(s.rank),
    proposed_outcome: typeof s.proposed_outcome === 'string' && s.proposed_outcome ? s.proposed_outcome : null,
    outcome: outcomeRule(s.outcome),
  }
}

function parseEvent(raw: unknown): RoundEvent {
  const e = object(raw)
  return {
    action: text(e.action),
    from_state: text(e.from_state),
    to_state: text(e.to_state),
    subject: text(e.subject),
    actor: text(e.actor),
    at: text(e.at),
    comment: text(e.comment),
  }
}

// A round as the screens render it: every list present (a subject's user
// gets no history), scores null until scored and visible, an outcome the
// API gives as an object read as its rule. Throws on an answer without an
// id (not a round at all).
export function parseRound(raw: unknown): Round {
  const r = object(raw)
  if (typeof r.id !== 'number') throw new Error('not a round: no id')
  const sys = object(r.system)
  return {
    id: r.id,
    name: text(r.name),
    province: text(r.province),
    period: text(r.period),
    subject_kind: text(r.subject_kind),
    weighting: text(r.weighting),
    state: text(r.state),
    system: { code: text(sys.code), version: text(sys.version), name: text(sys.name) },
    data_version: count(r.data_version),
    opened_by: text(r.opened_by),
    opened_at: text(r.opened_at),
    updated_at: text(r.updated_at),
    office: r.office === true,
    allowed_actions: list(r.allowed_actions).filter((a): a is string => typeof a === 'string'),
    scored: r.scored === true,
    results_fresh: r.results_fresh === true,
    scored_at: text(r.scored_at),
    subjects: list(r.subjects).map(parseSubject),
    history: list(r.history).map(parseEvent),
  }
}

// What the office may do to a round in its state besides the workflow
// moves (docs/evaluation.md "Stored rounds"); nothing for a subject's users
// here (they enter their figures in their own portal).
export interface RoundAbilities {
  addSubjects: boolean
  enterFigures: boolean
  review: boolean
  score: boolean
  applyOutcome: boolean
  download: boolean
}

export function roundAbilities(round: Pick<Round, 'state' | 'office' | 'scored'>): RoundAbilities {
  const at = (...states: string[]) => round.office && states.includes(round.state)
  return {
    addSubjects: at('data_call', 'self_assessment'),
    enterFigures: at('data_call', 'self_assessment', 'provincial_review', 'expert_review'),
    review: at('data_call', 'self_assessment', 'provincial_review', 'expert_review'),
    score: at('provincial_review', 'expert_review'),
    applyOutcome: at('publicity', 'final'),
    download: round.office && round.scored,
  }
}

// Subjects typed one a line as "CODE name" (or "CODE=name", "CODE,name"):
// the body of POST /rounds/{id}/subjects, or the first line that has no name.
export function subjectsBody(textIn: string): { subjects: { code: string; name: string }[] } | { badLine: number } {
  const subjects: { code: string; name: string }[] = []
  const lines = textIn.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    const m = /^(\S+?)\s*[=,，\s]\s*(.+)$/.exec(line)
    if (!m) return { badLine: i + 1 }
    subjects.push({ code: m[1], name: m[2].trim() })
  }
  return { subjects }
}

// The figures typed for one subject (measure -> text): the body of POST
// /rounds/{id}/observations, blanks left out, or the first measure whose
// text is not a number. "1,234.5" and full-width digits are read.
export function figuresBody(
  subject: string,
  period: string,
  values: Record<string, string | number | null | undefined>,
  measures: readonly Pick<SystemMeasure, 'code'>[],
): { observations: { subject: string; measure: string; period: string; value: number }[] } | { invalid: string } {
  const observations: { subject: string; measure: string; period: string; value: number }[] = []
  for (const { code } of measures) {
    const v = values[code]
    if (v === undefined || v === null || v === '') continue
    const s =
      typeof v === 'number'
        ? String(v)
        : v
            .trim()
            .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
            .replace(/,/g, '')
    if (!s) continue
    const value = Number(s)
    if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) || !Number.isFinite(value)) return { invalid: code }
    observations.push({ subject, measure: code, period, value })
  }
  return { observations }
}

// A round's history as the office's history table shows it: a subject's
// step names the subject in its comment.
export function roundEvents(history: readonly RoundEvent[]): OfficeEvent[] {
  return history.map((e) => ({
    action: e.action,
    from: e.from_state,
    to: e.to_state,
    actor: e.actor,
    role: 'office',
    at: e.at,
    comment: e.subject ? (e.comment ? `${e.subject}: ${e.comment}` : e.subject) : e.comment,
  }))
}

// A node's name in the reader's language (the other one, then its code,
// when missing).
export function nodeName(n: Pick<SystemNode, 'code' | 'name_zh' | 'name_en'>, locale: string): string {
  const [first, second] = locale.startsWith('zh') ? [n.name_zh, n.name_en] : [n.name_en, n.name_zh]
  return first || second || n.code
}

// The radar of a subject's scorecard: the top-level scored nodes (groups and
// weighted indicators, not gates, bonuses or penalties) with their scores;
// every axis reaches the highest score shown (at least 1).
export function radarData(
  nodes: readonly SystemNode[],
  scores: Record<string, NodeScore>,
  locale: string,
): { indicators: { name: string; max: number }[]; values: number[] } {
  const top = nodes.filter((n) => !n.parent && !['gate', 'bonus', 'penalty'].includes(n.kind) && typeof scores[n.code]?.score === 'number')
  const values = top.map((n) => Math.round((scores[n.code].score as number) * 1000) / 1000)
  const max = Math.max(1, ...values)
  return { indicators: top.map((n) => ({ name: nodeName(n, locale), max })), values }
}

// The figures of one subject by measure, with the system's order.
export function byMeasure<T extends { subject: string; measure: string }>(rows: readonly T[], subject: string): Map<string, T> {
  const out = new Map<string, T>()
  for (const r of rows) if (r.subject === subject) out.set(r.measure, r)
  return out
}

// What a subject's user may do in a round (not the office): enter, import
// and submit its own subjects' figures during data_call and self_assessment
// (the server refuses a verified figure and another subject's).
export function subjectAbilities(round: Pick<Round, 'state' | 'office'>): { enterOwn: boolean } {
  return { enterOwn: !round.office && ['data_call', 'self_assessment'].includes(round.state) }
}

export const OBSERVATION_FILE_ACCEPT = '.csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// The kind of an observations file by its name (the server reads CSV, JSON
// or an .xlsx workbook, all or none); null for another file.
export function observationFileKind(name: string): 'csv' | 'xlsx' | 'json' | null {
  const m = /\.([A-Za-z]+)$/.exec(name.trim())
  const ext = m ? m[1].toLowerCase() : ''
  return ext === 'csv' || ext === 'xlsx' || ext === 'json' ? ext : null
}

// POST path of an observations file, its name given for the server's messages.
export function observationImportPath(roundId: number, filename: string): string {
  return `/rounds/${roundId}/observations/import?filename=${encodeURIComponent(filename)}`
}

// The ranking's sensitivity to the weighting method, as the office reads it
// (results.round.sensitivity): each method with how many subjects change
// rank against the fixed weights and Spearman's correlation with them, and
// each subject's rank under every method with its largest shift, the most
// moved first. Null when the answer has none.
export interface Sensitivity {
  methods: { weighting: string; moved: number; spearman: number }[]
  subjects: { code: string; ranks: Record<string, number>; max_shift: number }[]
}
export function parseSensitivity(raw: unknown): Sensitivity | null {
  const s = object(raw)
  if (!Array.isArray(s.methods) || !Array.isArray(s.subjects)) return null
  const methods = list(s.methods).map((m) => {
    const o = object(m)
    return { weighting: text(o.weighting), moved: count(o.moved), spearman: count(o.spearman) }
  })
  const subjects = list(s.subjects).map((x) => {
    const o = object(x)
    const ranks: Record<string, number> = {}
    for (const [k, v] of Object.entries(object(o.ranks))) if (typeof v === 'number') ranks[k] = v
    return { code: text(o.code), ranks, max_shift: count(o.max_shift) }
  })
  subjects.sort((a, b) => b.max_shift - a.max_shift || (a.ranks.fixed ?? 0) - (b.ranks.fixed ?? 0))
  return { methods, subjects }
}

export type SystemTextProblem = 'empty' | 'notJson' | 'notObject' | 'noCode' | 'noVersion'

// What makes a pasted indicator-system file unsendable before the server
// checks it whole (docs/evaluation.md "The system file"); null to send.
export function systemTextProblem(textIn: string): SystemTextProblem | null {
  if (!textIn.trim()) return 'empty'
  let parsed: unknown
  try {
    parsed = JSON.parse(textIn)
  } catch {
    return 'notJson'
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'notObject'
  const o = parsed as Record<string, unknown>
  if (typeof o.code !== 'string' || !o.code.trim()) return 'noCode'
  if (typeof o.version !== 'string' || !o.version.trim()) return 'noVersion'
  return null
}
