import type { MockRequest } from './types'

/** The request log. Entries hold no token: auth is reduced to the user id and org code. */
export function createLog(sink?: (line: string) => void) {
  const requests: MockRequest[] = []
  return {
    requests,
    add(entry: MockRequest): MockRequest {
      requests.push(entry)
      return entry
    },
    /** Records the answer and reports the finished request to the `log` option, if any. */
    done(entry: MockRequest, status: number | null) {
      entry.status = status
      if (!sink) return
      const query = new URLSearchParams(entry.query).toString()
      const who = entry.userId ? ` ${entry.userId}${entry.orgCode ? `@${entry.orgCode}` : ''}` : ''
      sink(`${entry.method} ${entry.path}${query ? `?${query}` : ''} → ${status ?? 'aborted'}${who}`)
    },
    clear() { requests.length = 0 },
  }
}

export type MockLog = ReturnType<typeof createLog>
