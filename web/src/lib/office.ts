// The office screens' pure parts: which action buttons a record shows (from
// the API's allowed_actions, in the workflow's order, with what each asks
// for), how a deadline is highlighted, and the requests built from forms.
// The server decides what is allowed; this only presents it.

export type Workflow = 'recording' | 'credit' | 'complaint' | 'case' | 'round'

// What an action asks of the user before it is sent.
export interface ActionSpec {
  action: string
  comment: 'required' | 'optional' | 'none'
  fields: ('record_number' | 'recorded_on' | 'listed_until' | 'on')[]
  danger: boolean
}

// Every action of each workflow, in the order the buttons are shown: the
// forward step first, the refusals and withdrawals last.
const ORDER: Record<Workflow, string[]> = {
  recording: ['submit', 'resubmit', 'accept', 'recommend', 'record', 'return', 'reject', 'withdraw'],
  credit: ['notify', 'file_statement', 'list', 'request_repair', 'grant_repair', 'refuse_repair', 'expire', 'revoke'],
  complaint: ['accept', 'mediate', 'check_clue', 'open_case', 'close', 'refuse'],
  case: ['decide', 'close', 'terminate'],
  round: ['open_self_assessment', 'close_self_assessment', 'send_to_experts', 'publish', 'finalise', 'return_to_subjects', 'reopen_review'],
}

// The actions the server refuses without a comment (domain/*.cc).
const COMMENT_REQUIRED: Record<Workflow, string[]> = {
  recording: ['return', 'reject'],
  credit: ['file_statement', 'request_repair', 'grant_repair', 'refuse_repair', 'revoke'],
  complaint: ['refuse', 'close'],
  case: ['decide', 'terminate'],
  round: [],
}

const DANGER = ['return', 'reject', 'withdraw', 'revoke', 'refuse', 'refuse_repair', 'terminate', 'return_to_subjects', 'reopen_review']

// Subject steps are dated today by the server; the office's may be dated.
const SUBJECT_STEPS = ['file_statement', 'request_repair']

function specOf(workflow: Workflow, action: string): ActionSpec {
  const fields: ActionSpec['fields'] = []
  if (workflow === 'recording' && action === 'record') fields.push('record_number', 'recorded_on')
  if (workflow === 'credit' && action === 'list') fields.push('listed_until')
  if (workflow !== 'recording' && workflow !== 'round' && !SUBJECT_STEPS.includes(action) && action !== 'open_case') fields.push('on')
  const comment: ActionSpec['comment'] = COMMENT_REQUIRED[workflow].includes(action)
    ? 'required'
    : action === 'open_case'
      ? 'none'
      : 'optional'
  return { action, comment, fields, danger: DANGER.includes(action) }
}

// The buttons of a record: its allowed actions in the workflow's order
// (an action the table does not know is shown last, as the server named it).
export function actionSpecs(workflow: Workflow, allowed: readonly string[] | undefined): ActionSpec[] {
  const list = allowed ?? []
  const order = ORDER[workflow]
  const known = order.filter((a) => list.includes(a))
  const unknown = list.filter((a) => !order.includes(a))
  return [...known, ...unknown].map((a) => specOf(workflow, a))
}

// The body of an action's POST from the dialog's values, or the name of the
// field still to fill: comments are trimmed, empty values left out.
export function actionBody(
  spec: ActionSpec,
  values: Partial<Record<'comment' | ActionSpec['fields'][number], string>>,
): Record<string, string> | { missing: string } {
  const body: Record<string, string> = {}
  const comment = (values.comment ?? '').trim()
  if (spec.comment === 'required' && !comment) return { missing: 'comment' }
  if (spec.comment !== 'none' && comment) body.comment = comment
  for (const f of spec.fields) {
    const v = (values[f] ?? '').trim()
    if (v) body[f] = v
  }
  return body
}

export type DeadlineLevel = 'none' | 'ok' | 'soon' | 'overdue'

// Whole calendar days from ISO date `from` to `to` (negative when `to` is
// earlier).
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10))
  const b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10))
  return Math.round((b - a) / 86_400_000)
}

// How a deadline is highlighted on `today`: none without a due date (a
// finished stage), overdue when the server counts days past it or the date
// has passed, soon within `soonDays` calendar days, ok otherwise.
export function deadlineLevel(dueOn: string | undefined, overdueDays: number | undefined, today: string, soonDays = 3): DeadlineLevel {
  if (!dueOn) return 'none'
  if ((overdueDays ?? 0) > 0) return 'overdue'
  const left = daysBetween(today, dueOn)
  if (left < 0) return 'overdue'
  return left <= soonDays ? 'soon' : 'ok'
}

// Today's date in ISO form, in the browser's time zone.
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

// Publication numbers typed as "CN1 US2, EP3；...": trimmed, upper-cased,
// without repeats, in order.
export function patentList(text: string): string[] {
  const out: string[] = []
  for (const p of text.split(/[\s,;，；、]+/)) {
    const pn = p.trim().toUpperCase()
    if (pn && !out.includes(pn)) out.push(pn)
  }
  return out
}

// The provinces a user reviews for (reviewer grants), in grant order.
export function reviewerProvinces(grants: readonly { role: string; province?: string }[]): string[] {
  const out: string[] = []
  for (const g of grants) if (g.role === 'reviewer' && g.province && !out.includes(g.province)) out.push(g.province)
  return out
}
