import type { Page } from 'playwright-core'

/** What a fixture page shows, read from the DOM (see test/e2e/fixtures/offline-tabs/main.ts). */
export interface Shown {
  session: { status: string; leader: boolean; persisted: boolean }
  resources: Record<string, { status: string; source: string; count: number }>
}

export function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const session = document.getElementById('session')!.dataset
    const resources: Shown['resources'] = {}
    for (const el of document.querySelectorAll<HTMLElement>('[data-resource]')) {
      resources[el.dataset.resource!] = { status: el.dataset.status ?? '', source: el.dataset.source ?? '', count: Number(el.dataset.count) }
    }
    return { session: { status: session.status ?? '', leader: session.leader === 'true', persisted: session.persisted === 'true' }, resources }
  })
}

/** Waits until all six resources show `status` (and `source`, when given). */
export async function waitForAll(page: Page, status: string, source?: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(([status, source]) => {
      const items = [...document.querySelectorAll<HTMLElement>('[data-resource]')]
      return items.length === 6 && items.every((e) => e.dataset.status === status && (source === undefined || e.dataset.source === source))
    }, [status, source] as const, { timeout, polling: 50 })
  } catch (error) {
    // Say what the page shows instead, so a failure explains itself.
    const now = await shown(page).catch(() => 'unreadable')
    throw new Error(`expected all six ${status}${source ? ` from ${source}` : ''}; the page shows ${JSON.stringify(now)}`, { cause: error })
  }
}

/** Every key in the library's IndexedDB database, read with the raw API (nothing of ours involved). */
export function idbKeys(page: Page, dbName = 'kinde-account-sync', storeName = 'entries'): Promise<string[]> {
  return page.evaluate(([dbName, storeName]) => new Promise<string[]>((resolve, reject) => {
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
