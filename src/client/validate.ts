/**
 * Hand-written validators, a few hundred bytes instead of a schema library. Each throws a
 * TypeError naming the bad field; the request layer turns that into an `invalid_response`.
 * The spec marks nothing required (ERRATA §11): a missing optional field is null, a missing
 * array is [], but a field of the wrong type is an error, never silently dropped.
 */
export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const bad = (where: string, problem: string): never => {
  throw new TypeError(`${where} ${problem}`)
}

export const object = (value: unknown, where: string): Json => (isObject(value) ? value : bad(where, 'is not an object'))

function field<T>(o: Json, key: string, where: string, type: string, is: (v: unknown) => boolean): T | null {
  const value = o[key]
  if (value === undefined || value === null) return null
  return is(value) ? (value as T) : bad(`${where}.${key}`, `is not ${type}`)
}

export const str = (o: Json, key: string, where: string) =>
  field<string>(o, key, where, 'a string', (v) => typeof v === 'string')
export const num = (o: Json, key: string, where: string) =>
  field<number>(o, key, where, 'a number', (v) => typeof v === 'number' && Number.isFinite(v))
export const bool = (o: Json, key: string, where: string) =>
  field<boolean>(o, key, where, 'a boolean', (v) => typeof v === 'boolean')

/** A key the item is useless without (`key`, `feature_key`): missing or empty is an error. */
export const required = (o: Json, key: string, where: string): string => str(o, key, where) || bad(`${where}.${key}`, 'is missing')

/** An array of objects, each mapped; missing is []. */
export function list<T>(o: Json, key: string, where: string, item: (o: Json, where: string) => T): T[] {
  const value = o[key]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return bad(`${where}.${key}`, 'is not an array')
  return value.map((entry, i) => {
    const at = `${where}.${key}[${i}]`
    return item(object(entry, at), at)
  })
}
