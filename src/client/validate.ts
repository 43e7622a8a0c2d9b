import { isRecord } from '../token/claims'

/**
 * Hand-written validators, a few hundred bytes instead of a schema library. They throw a
 * TypeError naming the bad field; the request layer turns it into an `invalid_response`.
 * The spec marks nothing required: a missing optional field is null, a missing
 * array is [], but a field of the wrong type is an error, never silently dropped.
 */
export type Json = Record<string, unknown>

/**
 * A plain object (not null, not an array). One helper for the whole package: it lives with the
 * token's claims (src/token/claims.ts); the client uses that one rather than a copy.
 */
export { isRecord }

export const bad = (where: string, problem: string): never => {
  throw new TypeError(`${where} ${problem}`)
}

export const object = (value: unknown, where: string): Json => (isRecord(value) ? value : bad(where, 'is not an object'))

/** `o[key]` if it has `type` (a finite number for 'number'), null when missing. */
export function field<T = string>(o: Json, key: string, where: string, type = 'string'): T | null {
  const value = o[key]
  if (value == null) return null
  return typeof value === type && (type !== 'number' || Number.isFinite(value)) ? (value as T) : bad(`${where}.${key}`, `is not a ${type}`)
}

const camel = (name: string) => name.replace(/_(.)/g, (_, c: string) => c.toUpperCase())
const TYPES: Record<string, string> = { '#': 'number', '?': 'boolean' }

/**
 * A mapper from a field list: `'id feature_key! fixed_charge#'` reads `id` as a string,
 * `feature_key` as a required (non-empty) string, `fixed_charge` as a number (`?`: a boolean),
 * and names each in camelCase. Only the listed fields are copied: the mapping stays explicit.
 */
export function fields<T>(list: string): (o: Json, where: string) => T {
  const specs = list.split(' ').map((spec) => {
    const mark = spec.slice(-1)
    const name = /[!#?]/.test(mark) ? spec.slice(0, -1) : spec
    return [name, camel(name), TYPES[mark], mark === '!'] as const
  })
  return (o, where) => {
    const out: Json = {}
    for (const [name, key, type, required] of specs) {
      const value = field(o, name, where, type)
      out[key] = required && !value ? bad(`${where}.${name}`, 'is missing') : value
    }
    return out as T
  }
}

/** An array of objects, each mapped; missing is []. */
export function list<T>(o: Json, key: string, where: string, item: (o: Json, where: string) => T): T[] {
  const value = o[key] ?? []
  if (!Array.isArray(value)) return bad(`${where}.${key}`, 'is not an array')
  return value.map((entry, i) => {
    const at = `${where}.${key}[${i}]`
    return item(object(entry, at), at)
  })
}
