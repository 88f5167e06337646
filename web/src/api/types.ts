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
  progress: {
    phase?: string
    read?: number
    bytes?: number
    total_bytes?: number
    rejected?: number
    done?: number
    total?: number
  }
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

// A webhook or e-mail recipient of the caller (GET /api/v1/webhooks): not
// active once disabled after repeated failures, with the reason.
export interface Webhook {
  id: number
  channel: 'webhook' | 'email'
  owner_user_id: number
  watch_id: number
  url: string
  active: boolean
  disabled_reason: string
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

// The money side of an alliance (docs/api.md "Roles and tenancy"): amounts
// are integer minor units with their currency.
export interface Contribution {
  publication_number: string
  member: string
  contributed_on: string
  withdrawn_on: string
  essentiality: string
  expires_on: string
  countries: string[]
  lapses?: { country: string | null; lapsed_on: string }[] // recorded lapses; country null: everywhere
  value_centi?: number | null // overall value score in hundredths as last saved (rescore); null: never scored
  value_scored_at?: string | null
}

export interface ClosedPeriod {
  period: string
  method: string
  currency: string
  closed_at: string
  gross_minor: number
  fee_minor: number
  distributable_minor: number
  undistributed_minor: number
}

// GET /alliances/{a}/pools/{pool}
export interface PoolView {
  pool: string
  currency: string
  patents: Contribution[]
  closed_periods: ClosedPeriod[]
}

export interface AccountBalance {
  account: string
  kind: string
  currency: string
  balance_minor: number | string
}

export interface StatementCountry {
  country: string
  gross_minor: number
  fee_minor: number
  net_minor: number
  eligible_patents: number
  member_minor: number
  patents: { publication_number: string; value: number; amount_minor: number }[]
}

export interface StatementPool {
  pool: string
  currency: string
  method: string
  closed_at: string
  total_minor: number
  reversed_by_transaction?: number
  countries: StatementCountry[]
}

// GET /alliances/{a}/members/{m}/statement?period=
export interface MemberStatement {
  member: string
  period: string
  pools: StatementPool[]
}

export interface Agreement {
  id: number
  licensee: string
  programme: string
  pool: string
  territories: string // "CN,US", or "*" for worldwide
  effective_from: string
  effective_to: string | null
}

export interface RoyaltyReport {
  id: number
  licensee: string
  programme: string
  pool: string
  period: string
  source: string
  currency: string
  lines: number
  total_minor: number
  capped: boolean
  reversed_by_transaction: number | null
  reported_at: string
}

// POST /alliances/{a}/royalty-reports; from .../royalty-reports/preview
// computed only (recorded false, report ids 0).
export interface FiledRoyalties {
  reports: {
    report_id: number
    licensee: string
    programme: string
    period: string
    currency: string
    lines: number
    total_minor: number
    capped: boolean
  }[]
  lines: number
  totals_minor: Record<string, number>
  recorded: boolean
}

// POST /api/v1/risk (docs/risk.md, format_version 1).
export interface RiskEvidence {
  sentence: number
  percent: number
  matched: string[]
}
export interface RiskElement {
  kind: 'preamble' | 'element' | 'wherein' | 'characterizing'
  text: string
  keys: number
  evidenced: boolean
  percent: number
  missing: string[]
  evidence: RiskEvidence[]
}
export interface RiskClaim {
  num: number
  text: string
  checked: number
  evidenced: number
  elements: RiskElement[]
}
export interface RiskPatent {
  rank: number
  publication_number: string
  title: string
  tier: 'high' | 'medium' | 'low'
  reason: { en: string; zh: string }
  decisive_claim: number
  similarity: number
  matched_terms: string[]
  in_force: { country: string; state: string; expiry?: string }[]
  owner: { current: string[]; basis: string }
  expiry: string
  family_countries: string[]
  legal_events: { date: string; territory: string; code?: string; text?: string }[]
  claims: RiskClaim[]
}
export interface RiskReport {
  format_version: number
  generated_at: string
  as_of: string
  countries: string[]
  competitors: string[]
  product: { text: string; sentences: { start: number; end: number; text: string }[] }
  patents: RiskPatent[]
  not_in_force: { publication_number: string; states: { country: string; state: string; ended_on?: string }[] }[]
  searches: Record<string, unknown>[]
  disclaimer: { en: string; zh: string }
}

// GET /patents/{pn}/links: a stored publication in brief.
export interface PublicationBrief {
  publication_number: string
  country: string
  kind: string
  publication_date: string
  title: string
}

// One citation of the patent; `stored` is the publication it names when the
// store holds it (else null: shown as the number only).
export interface CitedPublication {
  cited_number: string
  country: string
  doc_number: string
  kind: string
  date: string
  category: string
  stored: PublicationBrief | null
}

export interface PatentLinks {
  publication_number: string
  cites: CitedPublication[]
  cited_by_total: number
  cited_by_offset?: number // where cited_by starts among them (paging)
  cited_by: PublicationBrief[]
  family_id: string
  family: PublicationBrief[]
}
