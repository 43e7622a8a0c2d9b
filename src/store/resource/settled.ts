/** The promise behind `settled()`: one per identity, resolved when its first attempt cycle settles. */
export function createSettled() {
  let current: { epoch: number; promise: Promise<void>; resolve: () => void } | null = null
  return {
    /** The settle of `epoch`, made if it is new (the previous identity's is released). */
    begin(epoch: number) {
      if (!current || current.epoch !== epoch) {
        let resolve!: () => void
        const promise = new Promise<void>((r) => (resolve = r))
        current?.resolve()
        current = { epoch, promise, resolve }
      }
      return current
    },
    resolveFor(epoch: number): void {
      if (current?.epoch === epoch) current.resolve()
    },
    release: (): void => current?.resolve(),
    promise: (): Promise<void> => current?.promise ?? Promise.resolve(),
  }
}
