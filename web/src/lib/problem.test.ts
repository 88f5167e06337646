// Problems as readable sentences and the column of a query error (problem.ts).
import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../api/client'
import { errorColumn, problemMessage } from './problem'

const t = (key: string, values?: Record<string, unknown>) => `${key}:${JSON.stringify(values ?? {})}`

describe('problemMessage', () => {
  it('names the field of a problem', () => {
    const e = new ApiProblem({ status: 400, detail: "field 'limit' must be an integer", field: 'limit' })
    expect(problemMessage(e, t)).toBe(`error.withField:${JSON.stringify({ field: 'limit', detail: "field 'limit' must be an integer" })}`)
  })
  it('falls back to the status', () => {
    expect(problemMessage(new ApiProblem({ status: 502 }), t)).toBe('error.http:{"status":502}')
  })
  it('finds the column of a query error', () => {
    expect(errorColumn("expected a date at column 5, found '('")).toBe(5)
    expect(errorColumn('no position')).toBe(0)
  })
})
