// The IP office's objects as the API answers them (issue 15): recording
// applications and library entries (/api/v1/recordings, /alliances/{a}/
// recording), credibility records (/api/v1/credit-records), complaints
// (/api/v1/complaints) and case files (/api/v1/cases). Every view carries
// `allowed_actions`: what the signed-in caller may do to it now.

export interface OfficeEvent {
  action: string
  from: string
  to: string
  on?: string
  actor: string
  role: string
  at: string
  comment: string
}

export interface RecordingForm {
  industry: string
  industry_category: string
  industry_stage: string
  lead_unit: string
  secretary_general_unit: string
  operator: string
  third_party_operator: boolean
  contact_person: string
  contact_phone: string
  contact_email: string
  lead_licence: boolean
  secretary_licence: boolean
  charter_signed: boolean
}

export interface MaterialItem {
  item: string
  done: boolean
  detail: string
}

// An uploaded file of a material: served under its id, never its label.
export interface MaterialFile {
  id: number
  material: string
  label: string
  content_type: string
  size: number
  sha256: string
  uploaded_by: string
  uploaded_at: string
}

export interface Material {
  material: string
  complete: boolean
  items: MaterialItem[]
  files?: MaterialFile[]
}

export interface PriorityCircumstance {
  code: string
  met: boolean
  basis: string
}

export interface RecordingSummary {
  id: number
  alliance: string
  province: string
  state: string
  record_number: string
  recorded_on: string
  rejection_reason: string
  created_at: string
  updated_at: string
  form: RecordingForm
}

export interface Recording extends RecordingSummary {
  application_form: { name: string; form: string; address: string; members: number; members_by_type: Record<string, number> }
  materials: Material[]
  failing_rules: { rule: string; detail: string }[]
  priority_circumstances: PriorityCircumstance[]
  history: OfficeEvent[]
  allowed_actions: string[]
  warnings?: string[]
}

export interface LibraryEntry {
  alliance: string
  level: string
  province: string
  record_number: string
  recorded_on: string
  entered_on: string
  entered_by: string
  priority_count: number
  priority_circumstances: PriorityCircumstance[]
}

export interface CodeName {
  code: string
  name_zh?: string
  name_en?: string
}

export interface CreditTables {
  categories: (CodeName & { listing_months: number; repair_months: number; publicity_months: number })[]
  measures: CodeName[]
  case_kinds: (CodeName & { limit: number; unit: string })[]
}

export interface CreditRecord {
  id: number
  province: string
  subject: { name: string; code: string; member: string; alliance: string }
  category: CodeName
  measures: CodeName[]
  organ: string
  decision_number: string
  decided_on: string
  facts: string
  state: string
  notified_on: string
  statement: string
  statement_on: string
  listed_on: string
  listed_until: string
  repair_requested_on: string
  repair_reason: string
  repair_decision: string
  ended_on: string
  history?: OfficeEvent[]
  allowed_actions?: string[]
  repair_opens_on?: string
  active_today?: boolean
  public_today?: boolean
  warnings?: string[]
}

export interface Deadline {
  duty: string
  due_on: string
  overdue_working_days: number
}

export interface Complaint {
  id: number
  province: string
  kind: string
  complainant: string
  respondent: string
  respondent_code: string
  patent: string
  summary: string
  received_on: string
  state: string
  stage_since: string
  due_on: string
  outcome: string
  deadline: Deadline | null
  allowed_actions: string[]
  history?: OfficeEvent[]
  warnings?: string[]
}

export interface CaseFile {
  id: number
  province: string
  case_number: string
  kind: string
  title: string
  complaint_id: number
  opened_on: string
  due_on: string
  overdue_days: number
  state: string
  decision: string
  decided_on: string
  closed_on: string
  patents: string[]
  credit_records: number[]
  allowed_actions: string[]
  history?: OfficeEvent[]
  warnings?: string[]
}

// After recording (GET /alliances/{a}/recording/reports): the reports filed,
// each year's annual report as of today and the rectifications.
export interface RecordingReport {
  id: number
  kind: 'annual' | 'major_change' | string
  year?: number
  change_kind?: string
  changed_on?: string
  summary: string
  due_on: string
  filed_on: string
  late: boolean
  filed_by: string
  filed_at: string
}

export interface AnnualObligation {
  year: number
  due_on: string
  filed_on: string
  state: 'filed' | 'filed_late' | 'due' | 'overdue' | string
}

export interface Rectification {
  id: number
  reason: string
  ordered_on: string
  due_on: string
  state: 'ordered' | 'reported' | 'closed' | 'removed' | string
  overdue: boolean
  report: string
  reported_on: string
  decision: string
  decided_on: string
}

export interface Aftercare {
  recording: RecordingSummary & { removed_on?: string; removal_reason?: string }
  as_of: string
  reports: RecordingReport[]
  annual_reports: AnnualObligation[]
  late_annual_reports: number
  rectifications: Rectification[]
}

// An annual review of a library entry (GET /recordings/library/reviews).
export interface LibraryReview {
  id: number
  alliance: string
  level: string
  year: number
  decision: 'retain' | 'warning' | 'remove' | string
  reason: string
  reviewed_on: string
  reviewed_by: string
}
