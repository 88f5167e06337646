// The unread alert count shown beside the navigation's watches link;
// refreshed on sign-in, on route changes and after the inbox is read.
import { defineStore } from 'pinia'
import { api } from '../api/client'

export const useInboxStore = defineStore('inbox', {
  state: () => ({ unread: 0 }),
  actions: {
    async refresh(): Promise<void> {
      try {
        this.unread = (await api<{ unread: number }>('/inbox/unread-count')).unread
      } catch {
        this.unread = 0
      }
    },
  },
})
