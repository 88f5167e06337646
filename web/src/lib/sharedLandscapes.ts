// The alliance's shared landscape reports (issue 11): which alliances the
// caller may share a landscape with, the body of the share request, the
// list's and one report's shapes, and the download address of a report.
import type { Alliance, Grant } from '../api/types'
import type { LandscapeAnswer } from './landscape'

export interface SharedLandscape {
  id: number
  title: string
  query: string
  analyses: string[]
  patents: number
  store_patents: number
  shared_by: string
  shared_at: string
}

export interface SharedLandscapeReport extends SharedLandscape {
  landscape: Omit<LandscapeAnswer, 'presentation'>
  presentation: LandscapeAnswer['presentation']
}

export interface ShareBody {
  title: string
  query: string
  members?: string[]
}

// The alliances the caller may share with (the server decides; this only
// offers what it would accept): an administrator every alliance listed, an
// operator or an analyst the alliance of that grant. By name, no repeats.
export function shareAlliances(grants: Grant[], listed: Alliance[]): string[] {
  const names = new Set<string>()
  if (grants.some((g) => g.role === 'administrator')) for (const a of listed) names.add(a.name)
  for (const g of grants)
    if ((g.role === 'operator' || g.role === 'analyst') && g.alliance) names.add(g.alliance)
  return [...names].sort((a, b) => a.localeCompare(b))
}

// The body of POST /alliances/{a}/landscapes: the landscape as it was run.
export function shareBody(title: string, query: string, members: string[]): ShareBody {
  const body: ShareBody = { title: title.trim(), query: query.trim() || '*' }
  if (members.length) body.members = members
  return body
}

// Where one report downloads (a plain GET with the session cookie).
export function sharedReportUrl(alliance: string, id: number, format: 'html' | 'xlsx', lang: 'en' | 'zh'): string {
  return `/api/v1/alliances/${encodeURIComponent(alliance)}/landscapes/${id}?format=${format}&lang=${lang}`
}

// A frozen report as the landscape charts read a live answer.
export function asLandscapeAnswer(r: SharedLandscapeReport): LandscapeAnswer {
  return { ...r.landscape, presentation: r.presentation } as LandscapeAnswer
}

// Whether the caller may remove a shared report (the server decides; this
// only offers the button where it would accept): the user who shared it, the
// alliance's operator or an administrator.
export function mayRemoveShared(
  user: { username: string; grants: Pick<Grant, 'role' | 'alliance'>[] } | null,
  alliance: string,
  report: Pick<SharedLandscape, 'shared_by'>,
): boolean {
  if (!user) return false
  if (report.shared_by === user.username) return true
  return user.grants.some((g) => g.role === 'administrator' || (g.role === 'operator' && g.alliance === alliance))
}
