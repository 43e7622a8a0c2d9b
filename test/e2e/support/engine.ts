/**
 * One small page API over the three browser engines the suite runs in (ARCHITECTURE.md, "Tests"):
 * Chromium through playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi, and
 * WebKitGTK through WebKitWebDriver (plain W3C WebDriver calls). Tests written against these
 * interfaces run unchanged in each; what only one engine can do (Chromium's CDP) stays on `native`.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit'

/** A function that runs in the page; it must not close over anything (it is sent as source text). */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>

export interface TestPage {
  readonly engine: EngineName
  goto(url: string): Promise<void>
  /** Runs `fn(arg)` in the page and resolves with its JSON-serialisable result. */
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>
  reload(): Promise<void>
  close(): Promise<void>
  /** Chromium only: playwright's Page, for CDP and other things the other engines lack. */
  readonly native?: unknown
}

/** One browser profile: its pages share IndexedDB, BroadcastChannel and Web Locks. */
export interface TestProfile {
  newPage(): Promise<TestPage>
  close(): Promise<void>
  /** Chromium only: playwright's BrowserContext. */
  readonly native?: unknown
}

export interface TestBrowser {
  readonly engine: EngineName
  /** A fresh, isolated profile (a browser context, or a WebDriver session). */
  newProfile(): Promise<TestProfile>
  close(): Promise<void>
}

export interface Engine {
  readonly name: EngineName
  /** Where the engine's binary (or driver) is, or undefined when it is not installed. */
  find(): string | undefined
  /** Which variable and which package install it, for the loud skip message. */
  readonly hint: string
  launch(): Promise<TestBrowser>
  /**
   * A profile kept in `dir` across launches (close it, launch again: a browser restart), or
   * undefined where the engine cannot keep one (WebKitGTK's automation mode is always ephemeral).
   */
  readonly launchKept?: (dir: string) => Promise<TestProfile>
}

/** The source text of a call `fn(arg)`, for engines that take scripts as strings. */
export const callSource = (fn: PageFunction<never, unknown>): string => `(${fn.toString()})`
