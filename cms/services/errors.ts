/** An error and everything in its `cause` chain (drivers wrap the error that says what happened). */
export function* causeChain(err: unknown): Generator<object> {
  const seen = new Set<unknown>()
  let e: unknown = err
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e)
    yield e
    e = 'cause' in e ? e.cause : undefined
  }
}
