// The platform API (/api/v1, docs/api.md) as the web app calls it: JSON in
// and out, the session cookie sent by the browser, the CSRF header on every
// state-changing call, and errors as ApiProblem (RFC 9457 problem+json).
export interface Problem {
  status: number
  title?: string
  detail?: string
  code?: string
  field?: string
}

export class ApiProblem extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`)
    this.problem = problem
  }
  get status(): number {
    return this.problem.status
  }
}

let onUnauthenticated: (() => void) | null = null

// Called when a call other than signing in answers 401 (the session expired
// or ended elsewhere).
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

async function toProblem(response: Response): Promise<ApiProblem> {
  let problem: Problem = { status: response.status, title: response.statusText }
  try {
    const body = await response.json()
    if (body && typeof body === 'object') problem = { ...body, status: response.status }
  } catch {
    // not JSON: keep the status line
  }
  return new ApiProblem(problem)
}

export interface CallOptions {
  method?: string
  body?: unknown
  raw?: Blob | ArrayBuffer
  signInCall?: boolean
}

// The call's response once it is known to be OK; a problem otherwise.
async function send(path: string, options: CallOptions, accept: string): Promise<Response> {
  const method = options.method || 'GET'
  const headers: Record<string, string> = { Accept: accept }
  if (method !== 'GET' && method !== 'HEAD') headers['X-Requested-With'] = 'patnav'
  let body: BodyInit | undefined
  if (options.raw !== undefined) {
    headers['Content-Type'] = 'application/octet-stream'
    body = options.raw
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const response = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin' })
  if (!response.ok) {
    const problem = await toProblem(response)
    if (response.status === 401 && !options.signInCall && onUnauthenticated) onUnauthenticated()
    throw problem
  }
  return response
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json')
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

// A call whose answer is a file (a report download): its bytes.
export async function apiBlob(path: string, options: CallOptions = {}): Promise<Blob> {
  const response = await send(path, options, '*/*')
  return await response.blob()
}

// Offers `blob` to the user as a download named `filename`.
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

// The query string of `params`, leaving out empty values.
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  return q.toString()
}
