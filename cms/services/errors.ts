import { ValidationError } from 'payload'

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

/** A unique index refused the write (SQLite, PostgreSQL, MongoDB, or Payload's own check). */
export function isUniqueViolation(err: unknown): boolean {
  for (const e of causeChain(err)) {
    if (e instanceof ValidationError) return true
    const code = 'code' in e ? String(e.code) : ''
    const message = 'message' in e ? String(e.message) : ''
    if (code === '23505' || code === '11000' || code.startsWith('SQLITE_CONSTRAINT')) return true
    if (/UNIQUE constraint failed|duplicate key|E11000/i.test(message)) return true
  }
  return false
}
