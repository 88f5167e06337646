// Who is signed in: the user and grants from GET /api/v1/me, sign-in and
// sign-out, and what the grants allow the navigation to show.
import { defineStore } from 'pinia'
import { api } from '../api/client'
import type { User } from '../api/types'

export type Screen =
  | 'search'
  | 'similar'
  | 'risk'
  | 'landscape'
  | 'watches'
  | 'ingest'
  | 'alliances'
  | 'office'
  | 'credit'
  | 'admin'

// The roles that may use each screen (the server decides; this only hides
// what would be refused).
const SCREEN_ROLES: Record<Screen, string[]> = {
  search: ['administrator', 'operator', 'member', 'analyst', 'reviewer'],
  similar: ['administrator', 'operator', 'member', 'analyst', 'reviewer'],
  risk: ['administrator', 'operator', 'member', 'analyst', 'reviewer'],
  landscape: ['administrator', 'operator', 'member', 'analyst'],
  ingest: ['administrator', 'analyst'],
  alliances: ['administrator', 'operator', 'member', 'licensee', 'analyst'],
  watches: ['administrator', 'operator', 'member', 'analyst', 'reviewer'],
  // The IP office: a province's reviewers; the administrator is the
  // national office.
  office: ['administrator', 'reviewer'],
  // A subject's own credibility records: the members' users.
  credit: ['member'],
  admin: ['administrator', 'operator'],
}

interface State {
  user: User | null
  loaded: boolean
  notice: '' | 'expired' | 'loggedOut'
}

export const useSessionStore = defineStore('session', {
  state: (): State => ({ user: null, loaded: false, notice: '' }),
  getters: {
    signedIn: (s): boolean => s.user !== null,
    roles: (s): string[] => [...new Set((s.user?.grants ?? []).map((g) => g.role))],
  },
  actions: {
    // Reads the session once (a reload keeps the cookie); false when none.
    async load(): Promise<boolean> {
      if (this.loaded) return this.signedIn
      try {
        this.user = await api<User>('/me', { signInCall: true })
      } catch {
        this.user = null
      }
      this.loaded = true
      return this.signedIn
    },
    async login(username: string, password: string): Promise<void> {
      const answer = await api<{ user: User }>('/session', {
        method: 'POST',
        body: { username, password },
        signInCall: true,
      })
      this.user = answer.user
      this.loaded = true
      this.notice = ''
    },
    async logout(): Promise<void> {
      try {
        await api<void>('/session', { method: 'DELETE', signInCall: true })
      } finally {
        this.user = null
        this.notice = 'loggedOut'
      }
    },
    // The server said 401 to a call: the session is over.
    expire(): void {
      if (this.user) this.notice = 'expired'
      this.user = null
      this.loaded = true
    },
    may(screen: Screen): boolean {
      return this.roles.some((r) => SCREEN_ROLES[screen].includes(r))
    },
  },
})
