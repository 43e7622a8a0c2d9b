import type { Source, SourceValue } from './source'
import { watch } from './watch'

/**
 * Calls `render(value, element)` now and on every change, until the element leaves the
 * document. An element not yet in the document is rendered too, and stops once it has been
 * added and removed again (one that is never added stays bound: call the returned function).
 * The observer watches the document, not shadow roots: there a removal is noticed at the next change.
 * @returns the function that stops early.
 */
export function bind<E extends Element, S extends Source>(
  element: E,
  source: S,
  render: (value: SourceValue<S>, element: E) => void,
): () => void {
  let attached = false
  let unwatch: (() => void) | undefined
  const Observer = globalThis.MutationObserver
  // One observer per binding. Its callback runs after the DOM change, when `isConnected` says
  // whether the element is gone (an element moved in one task is back by then and stays bound).
  const observer = Observer && new Observer(() => live())
  const stop = (): void => {
    observer?.disconnect()
    unwatch?.()
  }
  /** False (and stopped) once the element has left the document. */
  const live = (): boolean => {
    if (element.isConnected) attached = true
    else if (attached) stop()
    return !attached || element.isConnected
  }
  unwatch = watch(source, (value) => {
    if (live()) render(value, element)
  })
  observer?.observe(element.ownerDocument, { childList: true, subtree: true })
  return stop
}
