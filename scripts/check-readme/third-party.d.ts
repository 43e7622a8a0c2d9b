/// <reference types="vite/client" />
// Packages README snippets import that this repository does not install (the reader installs the
// one for their framework). Each is the package's real signature, cut to what the snippets use.

declare module '@nanostores/react' {
  /** @nanostores/react: subscribe a component to a store; returns its value. */
  export function useStore<T>(store: import('nanostores').ReadableAtom<T>): T
}

declare module '@nanostores/solid' {
  /** @nanostores/solid: a Solid accessor of a store's value. */
  export function useStore<T>(store: import('nanostores').ReadableAtom<T>): () => T
}

declare module '@angular/core/rxjs-interop' {
  interface Subscribable<T> {
    subscribe(observer: { next?: (value: T) => void; error?: (error: unknown) => void; complete?: () => void }): { unsubscribe(): void }
  }
  /** @angular/core: a Signal of an Observable's (or Subscribable's) latest value. */
  export function toSignal<T>(source: Subscribable<T>, options: { requireSync: true }): () => T
}
