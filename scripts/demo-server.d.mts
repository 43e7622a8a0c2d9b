import type { MockAccountApi } from '../src/mock/index'

export interface StartDemoOptions {
  /** Port of the page server (control page, examples, /demo/*); 0 picks a free one. @default 0 */
  port?: number
  /** Port of the mock Account API; 0 picks a free one. @default 0 */
  apiPort?: number
  /** @default '127.0.0.1' */
  host?: string
  /** Build the examples first; false reuses examples/<name>/dist when present. @default true */
  build?: boolean
  /** Receives progress lines. @default nothing */
  log?: (line: string) => void
}

export interface Demo {
  urls: { control: string; api: string; vanilla: string; vue: string; svelte: string; react: string }
  mock: MockAccountApi
  /** Closes both servers; idempotent. */
  close(): Promise<void>
}

export function startDemo(options?: StartDemoOptions): Promise<Demo>
