import type { Page } from 'playwright-core'
import type { TestPage } from './engine'

/** A playwright Page (Chromium-only tests) or an engine-neutral TestPage: both evaluate alike. */
export type AnyPage = Page | TestPage
const run = <R, A>(page: AnyPage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
  (page as TestPage).evaluate<R, A>(fn, arg)

/** What a fixture page shows, read from the DOM (see test/e2e/fixtures/offline-tabs/main.ts). */
export interface Shown {
  /** `requests`: Account API requests this tab has sent. */
  session: { status: string; leader: boolean; persisted: boolean; requests: number; rateLimitedUntil: number | null }
  resources: Record<string, { status: string; source: string; count: number; error: string }>
}

export function shown(page: AnyPage): Promise<Shown> {
  return run(page, () => {
    const session = document.getElementById('session')!.dataset
    const resources: Shown['resources'] = {}
    for (const el of document.querySelectorAll<HTMLElement>('[data-resource]')) {
      resources[el.dataset.resource!] = {
        status: el.dataset.status ?? '', source: el.dataset.source ?? '', count: Number(el.dataset.count), error: el.dataset.error ?? '',
      }
    }
    return {
      session: { status: session.status ?? '', leader: session.leader === 'true', persisted: session.persisted === 'true', requests: Number(session.requests ?? 0),
        rateLimitedUntil: session.until ? Number(session.until) : null },
      resources,
    }
  }, undefined)
}

/** Waits until all six resources show `status` (and `source`, when given). */
export async function waitForAll(page: AnyPage, status: string, source?: string, timeout = 30_000): Promise<void> {
  const all = ([status, source]: readonly [string, string | undefined]) => {
    const items = [...document.querySelectorAll<HTMLElement>('[data-resource]')]
    return items.length === 6 && items.every((e) => e.dataset.status === status && (source == null || e.dataset.source === source))
  }
  try {
    const deadline = Date.now() + timeout
    while (!(await run(page, all, [status, source ?? undefined] as const).catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms`)
      await sleep(50)
    }
  } catch (error) {
    // Say what the page shows instead, so a failure explains itself.
    const now = await shown(page).catch(() => 'unreadable')
    throw new Error(`expected all six ${status}${source ? ` from ${source}` : ''}; the page shows ${JSON.stringify(now)}`, { cause: error })
  }
}

/** Every key in the library's IndexedDB database, read with the raw API (nothing of ours involved). */
export function idbKeys(page: AnyPage, dbName = 'kinde-account-sync', storeName = 'entries'): Promise<string[]> {
  return run(page, ([dbName, storeName]: readonly [string, string]) => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open(dbName)
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains(storeName)) { db.close(); return resolve([]) }
      const request = db.transaction(storeName).objectStore(storeName).getAllKeys()
      request.onsuccess = () => { db.close(); resolve(request.result.map(String)) }
      request.onerror = () => { db.close(); reject(request.error) }
    }
  }), [dbName, storeName] as const)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `read` until `accept` holds or `timeout` ms pass; returns the last value read. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout
  let value = await read()
  while (!accept(value) && Date.now() < deadline) {
    await sleep(100)
    value = await read()
  }
  return value
}
