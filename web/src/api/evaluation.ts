// Stored evaluation rounds as the API answers them (issue 15,
// docs/evaluation.md "The API"): indicator-system versions
// (/api/v1/indicator-systems), rounds with their subjects' progress and the
// caller's allowed_actions (/api/v1/rounds), observations, results and a
// subject's scorecard.

export interface StoredSystem {
  code: string
  version: string
  name: string
  stored_by: string
  stored_at: string
}

export interface SystemMeasure {
  code: string
  name_zh: string
  name_en: string
  unit: string
}

export interface SystemNode {
  code: string
  parent: string
  depth: number
  name_zh: string
  name_en: string
  kind: string
  weight: number
  unit?: string
}

export interface SystemTree {
  code: string
  version: string
  name_zh: string
  name_en: string
  measures: SystemMeasure[]
  nodes: SystemNode[]
  outcomes: { code: string; name_zh: string; name_en: string }[]
}

export interface StoredSystemDetail extends StoredSystem {
  system: SystemTree
}

export interface ObservationCounts {
  entered: number
  submitted: number
  verified: number
  returned: number
}

export interface RoundSubject {
  code: string
  name: string
  province: string
  member: string
  alliance: string
  observations: ObservationCounts
  total: number | null
  rank: number | null
  proposed_outcome: string | null
  outcome: string | null
}

export interface RoundEvent {
  action: string
  from_state: string
  to_state: string
  subject: string
  actor: string
  at: string
  comment: string
}

export interface Round {
  id: number
  name: string
  province: string
  period: string
  subject_kind: string
  weighting: string
  state: string
  system: { code: string; version: string; name: string }
  data_version: number
  opened_by: string
  opened_at: string
  updated_at: string
  office: boolean
  allowed_actions: string[]
  scored: boolean
  results_fresh: boolean
  scored_at: string
  subjects: RoundSubject[]
  history: RoundEvent[]
}

export interface Observation {
  subject: string
  measure: string
  period: string
  value: number
  source: string
  state: 'entered' | 'submitted' | 'verified' | 'returned'
  entered_by: string
  entered_at: string
  submitted_by: string
  submitted_at: string
  verified_by: string
  verified_at: string
  return_reason: string
}

export interface Observations {
  round_id: number
  changed: number
  observations: Observation[]
}

export interface RankingRow {
  rank: number
  subject: string
  name: string
  total: number
  vetoed: boolean
  proposed_outcome: string
  outcome: Outcome | null
}

export interface Outcome {
  subject: string
  rule: string
  ban_years: number
  reason: string
  applied_by: string
  applied_at: string
}

export interface RoundResults {
  round_id: number
  state: string
  scored: boolean
  fresh: boolean
  scored_at: string
  weighting: string
  ranking: RankingRow[]
  outcomes: Outcome[]
  // The office only: the weights, AHP reports and the ranking's sensitivity.
  round?: { sensitivity?: unknown }
}

export interface NodeScore {
  raw?: number
  normalised?: number
  weight?: number
  score?: number
  weighted?: number
  rank?: number
  gate_failed?: boolean
  points?: number
}

export interface SubjectScore {
  code: string
  name: string
  total: number
  rank: number
  base: number
  bonus: number
  penalty: number
  vetoed: boolean
  failed_gates: string[]
  outcome: string
  nodes: Record<string, NodeScore>
  explanation: string[]
}

export interface SubjectCard {
  round_id: number
  state: string
  subject: { code: string; name: string; province: string; member: string; alliance: string }
  observations: Observation[]
  result: SubjectScore | null
  outcomes: Outcome[]
}
