import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
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

/** How Payload words a unique-index refusal (it turns the driver's error into a ValidationError with this message). */
const UNIQUE_MESSAGES = new Set([en.translations.error.valueMustBeUnique, vi.translations.error.valueMustBeUnique, 'Value must be unique'])

const camel = (column: string) => column.trim().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** The first column of "table.a, table.b" / "a, b" / "(a, b)". */
const firstColumn = (list: string) => camel((list.split(',')[0] ?? '').replace(/^[\s(]+/, '').replace(/^[\w]+\./, ''))

/**
 * Which unique index refused a write: the field (camelCase) that comes first in it, e.g.
 * `idempotencyKey`, or `pool` for the index on (pool, number). Null when the error is not a
 * unique-index violation — a validation error of any other kind is never taken for a duplicate.
 * '?' when the index cannot be told.
 * Knows the drivers' own errors (SQLite, PostgreSQL, MongoDB) and Payload's translation of them.
 */
export function uniqueViolationOn(err: unknown): string | null {
  for (const e of causeChain(err)) {
    if (e instanceof ValidationError) {
      const errors: unknown = e.data && typeof e.data === 'object' && 'errors' in e.data ? e.data.errors : null
      if (!Array.isArray(errors) || !errors.length) return null
      const paths = errors.map((f: unknown) =>
        f && typeof f === 'object' && 'message' in f && UNIQUE_MESSAGES.has(String(f.message)) && 'path' in f && typeof f.path === 'string' ? f.path : null,
      )
      const first = paths[0]
      return first != null && paths.every((p) => p !== null) ? firstColumn(first) || '?' : null
    }
    const code = 'code' in e ? String(e.code) : ''
    const message = 'message' in e ? String(e.message) : ''
    if (code === '11000' || /E11000/.test(message)) {
      const keyValue = 'keyValue' in e && e.keyValue && typeof e.keyValue === 'object' ? Object.keys(e.keyValue)[0] : undefined
      return keyValue ?? (firstColumn(/index: (\w+?)_/.exec(message)?.[1] ?? '') || '?')
    }
    if (code === '23505') {
      const detail = 'detail' in e ? String(e.detail) : ''
      const key = /Key \(([^)]+)\)=/.exec(detail)?.[1]
      return key ? firstColumn(key) : '?'
    }
    const sqlite = /UNIQUE constraint failed: ([^\n]+)/.exec(message)
    if (sqlite?.[1]) return firstColumn(sqlite[1])
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return '?'
  }
  return null
}

/** A unique index refused the write (SQLite, PostgreSQL, MongoDB, or Payload's translation of it). */
export function isUniqueViolation(err: unknown): boolean {
  return uniqueViolationOn(err) !== null
}
