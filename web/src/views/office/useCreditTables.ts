// The credibility tables (categories, measures, case kinds) from
// GET /api/v1/credit-records/tables, fetched once per page load, and a
// code's name in the reader's language.
import { ref } from 'vue'
import { api } from '../../api/client'
import type { CodeName, CreditTables } from '../../api/office'

const tables = ref<CreditTables | null>(null)
let pending: Promise<CreditTables> | null = null

export function useCreditTables() {
  async function ensure(): Promise<CreditTables> {
    if (tables.value) return tables.value
    pending ??= api<CreditTables>('/credit-records/tables')
    try {
      tables.value = await pending
    } finally {
      pending = null
    }
    return tables.value
  }
  return { tables, ensure }
}

export function codeName(c: CodeName | undefined, code: string, locale: string): string {
  if (!c) return code
  return (locale === 'en' ? c.name_en : c.name_zh) || c.code
}
