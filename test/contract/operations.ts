// The spec's operations, for checking what a client sends: path, method, query parameters and
// form fields. ARCHITECTURE.md, "Mock": fact 1 puts the entitlement key in the path; fact 7 adds
// two subnav values.
import { Ajv } from 'ajv'
import { spec } from './spec'

type Schema = Record<string, any>

export interface Operation {
  id: string
  method: string
  pattern: RegExp
  query: Record<string, Schema>
  form: Schema | null
}

const ERRATA_SUBNAVS = ['organization_members', 'organization_plan_details']

export const operations: Operation[] = Object.entries(spec.paths as Record<string, Schema>).flatMap(([path, item]) =>
  Object.entries(item).filter(([method]) => ['get', 'post'].includes(method)).map(([method, op]: [string, Schema]) => {
    const template = path === '/account_api/v1/entitlement' ? '/account_api/v1/entitlement/{key}' : path
    const query: Record<string, Schema> = {}
    for (const p of op.parameters ?? []) {
      if (p.in !== 'query') continue
      const schema = structuredClone(p.schema)
      delete schema.example
      if (p.name === 'subnav') schema.enum = [...schema.enum, ...ERRATA_SUBNAVS]
      query[p.name] = schema
    }
    const formSchema = op.requestBody?.content?.['application/x-www-form-urlencoded']?.schema
    let form: Schema | null = null
    if (formSchema) {
      form = structuredClone(formSchema)
      for (const prop of Object.values(form!.properties) as Schema[]) { delete prop.example; delete prop.description }
      form!.additionalProperties = false
    }
    return {
      id: op.operationId as string, method: method.toUpperCase(),
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`), query, form,
    }
  }))

const ajv = new Ajv({ allErrors: true, strict: true })

/** Problems with one captured request, as readable strings; empty when it matches the spec. */
export async function checkRequest(request: Request): Promise<string[]> {
  const url = new URL(request.url)
  const where = `${request.method} ${url.pathname}`
  const op = operations.find((o) => o.pattern.test(url.pathname))
  if (!op) return [`${where}: no such path in the spec`]
  const problems: string[] = []
  if (op.method !== request.method) problems.push(`${where}: spec says ${op.method}`)
  url.searchParams.forEach((value, name) => {
    const schema = op.query[name]
    if (!schema) return problems.push(`${where}: undeclared query parameter ${name}`)
    const typed = schema.type === 'integer' ? Number(value) : value
    if (!ajv.validate(schema, typed)) problems.push(`${where}: ${name}=${value} ${ajv.errorsText()}`)
  })
  const auth = request.headers.get('authorization')
  if (op.method === 'GET') {
    if (!/^Bearer \S+$/.test(auth ?? '')) problems.push(`${where}: no Bearer token (kindeBearerAuth)`)
    if (request.headers.has('content-type')) problems.push(`${where}: Content-Type on a GET (ARCHITECTURE.md, "Mock", fact 9)`)
    if (request.body !== null) problems.push(`${where}: body on a GET`)
  }
  if (op.form) {
    const type = request.headers.get('content-type') ?? ''
    if (!type.startsWith('application/x-www-form-urlencoded')) problems.push(`${where}: content-type ${type}`)
    const fields = Object.fromEntries(new URLSearchParams(await request.text()))
    if (!ajv.validate(op.form, fields)) problems.push(`${where}: form ${ajv.errorsText()}`)
  }
  const token = auth?.replace(/^Bearer /, '')
  if (token && request.url.includes(token.slice(-24))) problems.push(`${where}: token in the URL`)
  return problems
}
