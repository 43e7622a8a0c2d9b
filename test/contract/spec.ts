// The published spec (a verbatim copy, so a fresh clone can run these tests), made strict: the
// required keys of ARCHITECTURE.md, "Mock", fact 11, plus `additionalProperties: false` on every
// declared object, so an undocumented field or a missing key fails the check. Applies facts 1, 2, 7.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import { parse } from 'yaml'

type Schema = Record<string, any>

export const spec: Schema = parse(readFileSync(fileURLToPath(new URL('./spec/kinde-account-api.yml', import.meta.url)), 'utf8'))

/** ARCHITECTURE.md, "Mock", fact 11 (and the obvious top-level ones): dotted path inside a schema → required keys. */
const REQUIRED: Record<string, Record<string, string[]>> = {
  get_user_permissions_response: { '': ['data'], 'data.permissions[]': ['key'] },
  get_user_roles_response: { '': ['data'], 'data.roles[]': ['key'] },
  get_feature_flags_response: { '': ['data'], 'data.feature_flags[]': ['key'] },
  get_user_properties_response: { '': ['data'], 'data.properties[]': ['key'] },
  get_entitlements_response: { '': ['data'], 'data.entitlements[]': ['feature_key'], 'data.plans[]': ['key'] },
  get_entitlement_response: { '': ['data'], data: ['entitlement'], 'data.entitlement': ['feature_key'] },
  user_profile_v2: { '': ['id', 'sub'] },
  token_introspect: { '': ['active'] },
  portal_link: { '': ['url'] },
  token_error_response: { '': ['error'] },
  error_response: { '': ['errors'], 'errors[]': ['code'] },
}

/** Fields the mock may leave out although it sends everything else (see `complete`). */
const OPTIONAL_IN_COMPLETE = new Set(['metadata', 'org_code', 'next_page_starting_after'])

function resolve(schema: Schema): Schema {
  if (typeof schema.$ref !== 'string') return schema
  return spec.components.schemas[schema.$ref.split('/').pop()!]
}

function strictify(input: Schema, name: string, path: string, complete: boolean, freeform = false): Schema {
  const { example: _e, description: _d, ...schema } = resolve(input)
  if (schema.oneOf) schema.oneOf = schema.oneOf.map((s: Schema) => strictify(s, name, path, complete, true))
  if (schema.type === 'array' && schema.items) schema.items = strictify(schema.items, name, `${path}[]`, complete)
  if (schema.type === 'object' && !freeform) {
    const props: Record<string, Schema> = schema.properties ?? {}
    schema.properties = Object.fromEntries(Object.entries(props).map(([key, value]) =>
      [key, strictify(value, name, path ? `${path}.${key}` : key, complete)]))
    schema.additionalProperties = false
    const required = new Set(REQUIRED[name]?.[path] ?? [])
    if (complete) for (const key of Object.keys(props)) if (!OPTIONAL_IN_COMPLETE.has(key)) required.add(key)
    if (required.size) schema.required = [...required]
  }
  return schema
}

/** The strict response schema for a named component, or a `complete` one that requires every field. */
export function responseSchema(name: string, { complete = false } = {}): Schema {
  const schema = structuredClone(spec.components.schemas[name])
  // ARCHITECTURE.md, "Mock", fact 2: every list endpoint may carry metadata; the spec forgot it on feature_flags.
  if (name === 'get_feature_flags_response') schema.properties.metadata = spec.components.schemas.get_user_permissions_response.properties.metadata
  return strictify(schema, name, '', complete)
}

export function createAjv(): Ajv {
  // `nullable` is OpenAPI 3.0's; Ajv understands it. date-time checked by Date.parse (no ajv-formats here).
  const ajv = new Ajv({ allErrors: true, strict: true })
  ajv.addFormat('date-time', { validate: (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)) })
  return ajv
}

const compiled = new Map<string, ValidateFunction>()
let shared: Ajv | undefined

/** Compiled once per schema: compiling is far slower than validating. */
export function compile(name: string, { complete = false } = {}): ValidateFunction {
  const key = `${name}|${complete}`
  let validate = compiled.get(key)
  if (!validate) compiled.set(key, validate = (shared ??= createAjv()).compile(responseSchema(name, { complete })))
  return validate
}

/** A readable list of what failed, for assertion messages. */
export const errorsOf = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('; ')
