import { ofetch } from 'ofetch'

/** What request.ts needs from an answer: the body as text, parsed (or not) by the caller. */
export interface Answer { status: number; headers: Headers; text: string }
export type Transport = (url: string, init: RequestInit) => Promise<Answer>

/**
 * The HTTP transport, on ofetch. ofetch's retries and error throwing are off (retrying is the
 * store's call; every status is mapped by request.ts) and the body is kept as text, so a
 * malformed JSON body can be told apart from a JSON string.
 */
export function createTransport(getFetch: () => typeof globalThis.fetch): Transport {
  const $fetch = ofetch.create(
    { retry: false, ignoreResponseError: true, parseResponse: (text: string) => text },
    // resolved per call, so a fetch stubbed after the client was made is still used
    { fetch: (input, init) => getFetch()(input, init) },
  )
  return async (url, init) => {
    try {
      const response = await $fetch.raw<string>(url, init)
      return { status: response.status, headers: response.headers, text: response._data ?? '' }
    } catch (error) {
      // ofetch wraps fetch's error in a FetchError that also exposes the request headers, and
      // so the token: pass on fetch's own error only.
      throw (error as Error)?.name === 'FetchError' ? (error as Error).cause : error
    }
  }
}
