// The six resource elements an alliance gathers (产学研金介用, the member
// types of the API) in the guidelines' order, and how many of an alliance's
// members stand for each today: a type with none is a gap in the alliance.
import type { Member } from '../api/types'

export const MEMBER_TYPES = [
  { code: 'industry', character: '产' },
  { code: 'university', character: '学' },
  { code: 'research', character: '研' },
  { code: 'finance', character: '金' },
  { code: 'intermediary', character: '介' },
  { code: 'application', character: '用' },
] as const

export interface ElementCount {
  code: string
  character: string
  active: number // members that have not left
  left: number // members that have left
}

// One row per element type, all six in order, counting `members` by type.
// Members of a type not among the six are not counted.
export function elementCounts(members: Pick<Member, 'type' | 'left_on'>[]): ElementCount[] {
  return MEMBER_TYPES.map(({ code, character }) => {
    const ofType = members.filter((m) => m.type === code)
    const left = ofType.filter((m) => m.left_on).length
    return { code, character, active: ofType.length - left, left }
  })
}

// The element character of a type code ('产' for 'industry'), '' if none.
export function elementCharacter(code: string): string {
  return MEMBER_TYPES.find((x) => x.code === code)?.character ?? ''
}
