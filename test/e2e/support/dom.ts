/**
 * What tests read and do on a page, built only on TestPage.evaluate so that it works the same in
 * every engine. Clicks and typing are DOM events (element.click(), an `input` event), which is
 * what the example apps listen to; nothing here depends on pointer emulation.
 */
import type { PageFunction, TestPage } from './engine'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `fn(arg)` in the page until it is truthy; a timeout names what was awaited. */
export async function waitFor<A>(page: TestPage, fn: PageFunction<A, unknown>, arg?: A, timeout = 20_000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      if (await page.evaluate(fn, arg)) return
    } catch (error) { last = error } // navigating, or the page is not ready yet
    if (Date.now() > deadline) throw new Error(`[${page.engine}] timed out after ${timeout} ms waiting for ${what}`, { cause: last })
    await sleep(50)
  }
}

/** Waits until `selector` matches (`present`) or matches nothing (`absent`). */
export function waitForSelector(page: TestPage, selector: string, state: 'present' | 'absent' = 'present', timeout = 20_000): Promise<void> {
  return waitFor(page, ([sel, present]) => (document.querySelector(sel) !== null) === present, [selector, state === 'present'] as const, timeout, `${selector} ${state}`)
}

export const byTestId = (id: string, attrs = '') => `[data-testid="${id}"]${attrs}`

export function text(page: TestPage, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector)
}

export function attr(page: TestPage, selector: string, name: string): Promise<string | null> {
  return page.evaluate(([sel, n]) => document.querySelector(sel)?.getAttribute(n) ?? null, [selector, name] as const)
}

export function count(page: TestPage, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector)
}

export async function click(page: TestPage, selector: string): Promise<void> {
  await waitForSelector(page, selector)
  await page.evaluate((sel) => { (document.querySelector(sel) as HTMLElement).click() }, selector)
}

/** Clicks the first button or link whose text is `label`. */
export async function clickText(page: TestPage, label: string): Promise<void> {
  await waitFor(page, (l) => [...document.querySelectorAll<HTMLElement>('button, a, [role="button"]')].some((e) => e.textContent?.trim() === l), label, 20_000, `"${label}"`)
  await page.evaluate((l) => { [...document.querySelectorAll<HTMLElement>('button, a, [role="button"]')].find((e) => e.textContent?.trim() === l)!.click() }, label)
}

/** Sets an input's or a select's value the way typing or choosing does (input and change events). */
export async function fill(page: TestPage, selector: string, value: string): Promise<void> {
  await waitForSelector(page, selector)
  await page.evaluate(([sel, v]) => {
    const el = document.querySelector(sel) as HTMLInputElement | HTMLSelectElement
    el.value = v
    el.dispatchEvent(new Event('input', { bubbles: true }))
    el.dispatchEvent(new Event('change', { bubbles: true }))
  }, [selector, value] as const)
}
