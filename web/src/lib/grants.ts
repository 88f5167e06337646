// A grant as one line of text, and the scope fields each role needs (the
// server checks the same rule; this only shapes the form).
import type { Grant } from '../api/types'

export const ROLES = ['administrator', 'operator', 'member', 'licensee', 'analyst', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

export type ScopeField = 'alliance' | 'member' | 'licensee' | 'province'

// The fields a grant of `role` must name: operators, members and licensees
// are per alliance (and per member / licensee); reviewers per province.
export function scopeFields(role: string): ScopeField[] {
  switch (role) {
    case 'operator':
      return ['alliance']
    case 'member':
      return ['alliance', 'member']
    case 'licensee':
      return ['alliance', 'licensee']
    case 'reviewer':
      return ['province']
    default:
      return []
  }
}

// "member of Alpha / Acme": the role's label, then its scope in order.
export function grantText(g: Omit<Grant, 'id'>, roleLabel: (role: string) => string): string {
  const scope = [g.alliance, g.member, g.licensee, g.province].filter((s) => s && s.length > 0)
  return scope.length ? `${roleLabel(g.role)} · ${scope.join(' / ')}` : roleLabel(g.role)
}

// The body of a grant request: the role and only the scope fields it needs,
// trimmed; the names of the missing ones.
export function grantBody(role: string, values: Partial<Record<ScopeField, string>>) {
  const body: Record<string, string> = { role }
  const missing: ScopeField[] = []
  for (const f of scopeFields(role)) {
    const v = (values[f] ?? '').trim()
    if (v) body[f] = v
    else missing.push(f)
  }
  return { body, missing }
}
