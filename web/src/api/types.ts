// The shapes of the API's answers that the web app reads (a subset of
// GET /api/v1/openapi.json).
export interface Grant {
  id: number
  role: string
  alliance?: string
  member?: string
  licensee?: string
  province?: string
}

export interface User {
  id: number
  username: string
  display_name: string
  grants: Grant[]
}

export interface Hit {
  publication_number: string
  title: string
  applicants: string[]
  publication_date: string
  filing_date?: string
  priority_date?: string
  score: number
}

export interface FacetValue {
  value: string
  count: number
}

export interface SearchResult {
  total: number
  hits: Hit[]
  facets: Record<string, FacetValue[]>
}

export interface Claim {
  num: number
  text: string
  independent?: boolean
  depends_on?: number[]
}

export interface Party {
  name?: string
  country?: string
}

export interface PatentRecord {
  publication_number: string
  country?: string
  kind?: string
  publication_date?: string
  grant_date?: string
  application_number?: string
  filing_date?: string
  priority_date?: string
  language?: string
  title?: Record<string, string>
  abstract?: Record<string, string>
  claims?: Claim[]
  applicants?: (Party | string)[]
  inventors?: (Party | string)[]
  ipc?: (string | { code?: string; symbol?: string })[]
  [key: string]: unknown
}

export interface Indicator {
  dimension: string
  indicator: string
  observed: number
  score: number
  dimension_points: number
  overall_points: number
  basis: string
}

export interface PatentValue {
  publication_number: string
  overall: number
  legal: number
  technical: number
  economic: number
  in_force: boolean
  expires_on?: string
  indicators: Indicator[]
}

export interface SimilarHit extends Hit {
  percent: number
  matched_terms: string[]
}

export interface SimilarResult {
  publication_number?: string
  query_terms?: string[]
  hits: SimilarHit[]
}

export interface Alliance {
  id: number
  name: string
  address: string
  form: string
  industry: string
  created_on: string
}

export interface Member {
  name: string
  type: string
  joined_on: string
  left_on: string
  contact: string
}

export interface Pool {
  id: number
  name: string
  alliance: string
  scope: string
  standard: string
  currency: string
  administrator_fee: string
  created_on: string
}

export interface Rejection {
  file: string
  index: number
  reason: string
}

export interface IngestSummary {
  files: number
  read: number
  new: number
  merged: number
  unchanged: number
  rejected: number
  rejections: Rejection[]
}

export interface Job {
  id: string
  kind: string
  state: string
  progress: { phase?: string; read?: number; bytes?: number; total_bytes?: number; rejected?: number }
  summary: IngestSummary | null
}

// Administration (GET /api/v1/users, /tokens, /audit).
export interface Account extends User {
  created_at: string
  password_changed_at: string
  disabled: boolean
  disabled_at: string | null
}

export interface ApiToken {
  id: number
  username: string
  name: string
  scope: Omit<Grant, 'id'>
  created_at: string
  expires_at: string
  revoked_at: string | null
  last_used_at: string | null
}

// POST /api/v1/tokens: the secret is in `token`, shown once.
export interface CreatedToken {
  id: number
  token: string
  expires_at: string
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  client_address: string
  action: string
  object: string
  alliance: string
  outcome: string
  detail: string
}

export interface AuditPage {
  total: number
  entries: AuditEntry[]
}

// Watches and the inbox (GET /api/v1/watches, /api/v1/inbox).
export interface Watch {
  id: number
  name: string
  kind: string
  rate: string
  alliance: string
  notify_empty: boolean
  active: boolean
  params: Record<string, unknown>
  created_at: string
}

export interface WatchPreview {
  hits: number
  from: string
  to: string
  cap: number
}

export interface InboxHit {
  publication_number: string
  event: string
  detail: string
}

export interface InboxItem {
  id: number
  watch_id: number
  watch_name: string
  watch_kind: string
  alliance: string
  created_at: string
  hit_count: number
  read: boolean
  hits: InboxHit[]
}
